@NullMarked
package io.govflow.web.console;

import org.jspecify.annotations.NullMarked;
