/** HTTP mapping of dialectic review sessions and self-recovery. */
@NullMarked
package io.govflow.web.dialectic;

import org.jspecify.annotations.NullMarked;
