/**
 * Command-line tools run by the same jar instead of the web server (export validation, migration), each in a
 * non-web Spring context built from the server's configuration classes and {@code govflow.*} settings.
 */
@NullMarked
package io.govflow.cli;

import org.jspecify.annotations.NullMarked;
