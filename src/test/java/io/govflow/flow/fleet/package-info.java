@NullMarked
package io.govflow.flow.fleet;

import org.jspecify.annotations.NullMarked;
