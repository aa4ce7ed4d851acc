/** HTTP mapping of agent registration and lookup. */
@NullMarked
package io.govflow.web.agent;

import org.jspecify.annotations.NullMarked;
