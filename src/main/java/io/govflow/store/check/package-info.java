/** Findings of the store's checkers (export validator, consistency checks): a code, a severity and a message. */
@NullMarked
package io.govflow.store.check;

import org.jspecify.annotations.NullMarked;
