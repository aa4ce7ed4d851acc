@NullMarked
package io.govflow;

import org.jspecify.annotations.NullMarked;
