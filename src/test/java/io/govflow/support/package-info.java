/** Test support: a running application on a temp data dir, a small HTTP client, file-tree fingerprints. */
@NullMarked
package io.govflow.support;

import org.jspecify.annotations.NullMarked;
