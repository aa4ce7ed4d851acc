@NullMarked
package io.govflow.web.error;

import org.jspecify.annotations.NullMarked;
