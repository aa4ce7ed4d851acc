/** HTTP mapping of the knowledge graph. */
@NullMarked
package io.govflow.web.knowledge;

import org.jspecify.annotations.NullMarked;
