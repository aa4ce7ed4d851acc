/** Configuration: the {@code govflow.*} property tree. */
@NullMarked
package io.govflow.config;

import org.jspecify.annotations.NullMarked;
