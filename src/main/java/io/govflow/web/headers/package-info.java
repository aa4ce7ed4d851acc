/**
 * Response headers every answer carries for the browser and for caches (no caching, no type sniffing) and the
 * content security policies of Swagger UI and of the console.
 */
@NullMarked
package io.govflow.web.headers;

import org.jspecify.annotations.NullMarked;
