/** Tests of web.error: every failure path answers with the error envelope, over real HTTP. */
@NullMarked
package io.govflow.web.error;

import org.jspecify.annotations.NullMarked;
