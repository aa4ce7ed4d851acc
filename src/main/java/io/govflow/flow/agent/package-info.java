/** Agent registration and lookup. */
@NullMarked
package io.govflow.flow.agent;

import org.jspecify.annotations.NullMarked;
