/** Command-line tools run by the same jar without starting the web server (export validation, migration). */
@NullMarked
package io.govflow.cli;

import org.jspecify.annotations.NullMarked;
