@NullMarked
package io.govflow.store.io;

import org.jspecify.annotations.NullMarked;
