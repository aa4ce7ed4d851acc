/** Tests of flow.knowledge. */
@NullMarked
package io.govflow.flow.knowledge;

import org.jspecify.annotations.NullMarked;
