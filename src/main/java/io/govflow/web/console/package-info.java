/**
 * The operator console: a static page and its scripts and stylesheets, served from the jar without a credential.
 * Every call the page makes to the API carries the credential the operator typed in.
 */
@NullMarked
package io.govflow.web.console;

import org.jspecify.annotations.NullMarked;
