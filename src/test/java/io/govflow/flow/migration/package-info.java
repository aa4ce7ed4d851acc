@NullMarked
package io.govflow.flow.migration;

import org.jspecify.annotations.NullMarked;
