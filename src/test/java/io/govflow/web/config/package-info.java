@NullMarked
package io.govflow.web.config;

import org.jspecify.annotations.NullMarked;
