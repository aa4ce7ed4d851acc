@NullMarked
package io.govflow.web.mcp;

import org.jspecify.annotations.NullMarked;
