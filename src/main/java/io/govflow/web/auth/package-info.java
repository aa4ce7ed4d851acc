/** Authentication before binding: handler annotations say which credential an endpoint needs. */
@NullMarked
package io.govflow.web.auth;

import org.jspecify.annotations.NullMarked;
