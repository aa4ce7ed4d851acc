/** Consistency report and repair over HTTP (admin). */
@NullMarked
package io.govflow.web.consistency;

import org.jspecify.annotations.NullMarked;
