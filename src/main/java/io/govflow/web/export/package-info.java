/** The export flow over HTTP: history (inline and streamed), export files, listing, download and validation. */
@NullMarked
package io.govflow.web.export;

import org.jspecify.annotations.NullMarked;
