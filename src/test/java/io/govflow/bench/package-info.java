/**
 * {@code bench/run}, the performance benchmark of the whole service (no main package of this name; spec
 * 90-quality.md, "Performance"), so it keeps its own top-level package. It starts the built jar as a child process
 * on loopback, generates large data sets directly on disk in the store's format, drives the service over HTTP/1.1
 * with its own closed- and open-loop load driver, and prints one table of figures, goals and whether each goal is
 * met. Its tests cover the driver's parts; nothing here asserts a timing.
 */
@NullMarked
package io.govflow.bench;

import org.jspecify.annotations.NullMarked;
