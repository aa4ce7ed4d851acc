/** Operations helpers that run outside the Spring application, such as the container health probe. */
@NullMarked
package io.govflow.ops;

import org.jspecify.annotations.NullMarked;
