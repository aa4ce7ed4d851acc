@NullMarked
package io.govflow.store;

import org.jspecify.annotations.NullMarked;
