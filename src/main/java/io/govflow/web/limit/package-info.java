/** Request body size limit and request Content-Type shape. */
@NullMarked
package io.govflow.web.limit;

import org.jspecify.annotations.NullMarked;
