@NullMarked
package io.govflow.store.postgres;

import org.jspecify.annotations.NullMarked;
