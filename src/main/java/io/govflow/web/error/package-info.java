/** The error envelope: one advice, the /error path, Tomcat's own rejections and the request id. */
@NullMarked
package io.govflow.web.error;

import org.jspecify.annotations.NullMarked;
