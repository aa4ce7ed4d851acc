/** Request body size limit, request Content-Type shape, quotas and rate limits. */
@NullMarked
package io.govflow.web.limit;

import org.jspecify.annotations.NullMarked;
