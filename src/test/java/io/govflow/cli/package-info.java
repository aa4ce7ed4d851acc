@NullMarked
package io.govflow.cli;

import org.jspecify.annotations.NullMarked;
