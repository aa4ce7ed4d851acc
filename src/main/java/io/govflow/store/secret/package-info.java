/** The server secret file shared by every instance on one data directory. */
@NullMarked
package io.govflow.store.secret;

import org.jspecify.annotations.NullMarked;
