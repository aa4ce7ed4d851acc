/** Tests of the application as a whole: its architecture rules. */
@NullMarked
package io.govflow;

import org.jspecify.annotations.NullMarked;
