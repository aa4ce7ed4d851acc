@NullMarked
package io.govflow.web.auth;

import org.jspecify.annotations.NullMarked;
