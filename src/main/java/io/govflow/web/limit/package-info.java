/** Request body size limit. */
@NullMarked
package io.govflow.web.limit;

import org.jspecify.annotations.NullMarked;
