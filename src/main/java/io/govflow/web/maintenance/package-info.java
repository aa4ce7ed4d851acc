/** HTTP mapping of operator maintenance: migration of a reference data directory, orphan adoption, lock files. */
@NullMarked
package io.govflow.web.maintenance;

import org.jspecify.annotations.NullMarked;
