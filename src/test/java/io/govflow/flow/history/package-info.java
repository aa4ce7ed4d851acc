@NullMarked
package io.govflow.flow.history;

import org.jspecify.annotations.NullMarked;
