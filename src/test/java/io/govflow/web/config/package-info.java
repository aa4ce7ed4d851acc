/** Tests of web.config: the OpenAPI document. */
@NullMarked
package io.govflow.web.config;

import org.jspecify.annotations.NullMarked;
