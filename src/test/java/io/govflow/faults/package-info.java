/** Fault tests on the real application: failed fsync, full and read-only file systems, damaged files. */
@NullMarked
package io.govflow.faults;

import org.jspecify.annotations.NullMarked;
