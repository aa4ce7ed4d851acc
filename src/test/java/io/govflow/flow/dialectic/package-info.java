/** Tests of flow.dialectic. */
@NullMarked
package io.govflow.flow.dialectic;

import org.jspecify.annotations.NullMarked;
