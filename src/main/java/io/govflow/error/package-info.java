/** Error codes with their recovery guidance, and the typed exception every layer throws. */
@NullMarked
package io.govflow.error;

import org.jspecify.annotations.NullMarked;
