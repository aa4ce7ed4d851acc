@NullMarked
package io.govflow.store.agent;

import org.jspecify.annotations.NullMarked;
