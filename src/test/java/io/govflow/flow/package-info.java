@NullMarked
package io.govflow.flow;

import org.jspecify.annotations.NullMarked;
