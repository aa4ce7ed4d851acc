/**
 * Simulated power loss: the store's fsyncs are recorded into a model of what the disk holds (a file's bytes as
 * of its last fsync, a directory's entries as of its last fsync) and the model is materialized at random cut
 * points; the page cache that a SIGKILL keeps is thrown away.
 */
@NullMarked
package io.govflow.durability.powerloss;

import org.jspecify.annotations.NullMarked;
