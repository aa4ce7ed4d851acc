@NullMarked
package io.govflow.flow.consistency;

import org.jspecify.annotations.NullMarked;
