/**
 * Hostile input, fuzzing and credential scans over real HTTP. A cross-cutting suite of the whole service, so it
 * keeps its own top-level package.
 */
@NullMarked
package io.govflow.security;

import org.jspecify.annotations.NullMarked;
