@NullMarked
package io.govflow.flow.update;

import org.jspecify.annotations.NullMarked;
