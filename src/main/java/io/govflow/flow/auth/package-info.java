/** Credentials: API key issuing, hashing and constant-time checks; admin token; who may do what. */
@NullMarked
package io.govflow.flow.auth;

import org.jspecify.annotations.NullMarked;
