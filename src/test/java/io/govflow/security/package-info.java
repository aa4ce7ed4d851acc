/** Hostile input, fuzzing and credential scans over real HTTP. */
@NullMarked
package io.govflow.security;

import org.jspecify.annotations.NullMarked;
