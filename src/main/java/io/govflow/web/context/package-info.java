/** Context documents over HTTP: write, read (summary first, with fallbacks), drift, manifest, delete. */
@NullMarked
package io.govflow.web.context;

import org.jspecify.annotations.NullMarked;
