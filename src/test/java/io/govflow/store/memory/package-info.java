@NullMarked
package io.govflow.store.memory;

import org.jspecify.annotations.NullMarked;
