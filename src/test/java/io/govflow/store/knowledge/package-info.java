/** Tests of store.knowledge. */
@NullMarked
package io.govflow.store.knowledge;

import org.jspecify.annotations.NullMarked;
