@NullMarked
package io.govflow.store.migration;

import org.jspecify.annotations.NullMarked;
