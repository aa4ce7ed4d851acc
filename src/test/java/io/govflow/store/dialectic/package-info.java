/** Tests of store.dialectic. */
@NullMarked
package io.govflow.store.dialectic;

import org.jspecify.annotations.NullMarked;
