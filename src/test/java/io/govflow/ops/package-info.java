@NullMarked
package io.govflow.ops;

import org.jspecify.annotations.NullMarked;
