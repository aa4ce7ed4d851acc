/**
 * Authentication before binding: every endpoint says which credential it needs (handler annotations, functional
 * route levels, one list of anonymous framework paths), the application refuses to start when one does not, and
 * a request to a handler without a decision is refused.
 */
@NullMarked
package io.govflow.web.auth;

import org.jspecify.annotations.NullMarked;
