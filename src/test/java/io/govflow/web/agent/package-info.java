@NullMarked
package io.govflow.web.agent;

import org.jspecify.annotations.NullMarked;
