/** Tests of the engine: the reference's golden vectors, worked examples and deviations, with no Spring. */
@NullMarked
package io.govflow.engine;

import org.jspecify.annotations.NullMarked;
