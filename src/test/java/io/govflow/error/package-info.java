@NullMarked
package io.govflow.error;

import org.jspecify.annotations.NullMarked;
