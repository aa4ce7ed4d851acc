/** Tests of store.secret. */
@NullMarked
package io.govflow.store.secret;

import org.jspecify.annotations.NullMarked;
