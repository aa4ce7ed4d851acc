/**
 * Fault tests on the real application: failed fsync, full and read-only file systems, damaged files. A
 * cross-cutting suite of the whole service, so it keeps its own top-level package.
 */
@NullMarked
package io.govflow.faults;

import org.jspecify.annotations.NullMarked;
