/** Context files on a real file system. */
@NullMarked
package io.govflow.store.context;

import org.jspecify.annotations.NullMarked;
