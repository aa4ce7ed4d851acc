/** Web wiring: JSON parser limits, OpenAPI description. */
@NullMarked
package io.govflow.web.config;

import org.jspecify.annotations.NullMarked;
