/**
 * The reference's golden vectors replayed over HTTP into a real data directory. A cross-cutting suite of the
 * whole service, so it keeps its own top-level package (the engine-level replay is {@code engine.ConformanceTest}).
 */
@NullMarked
package io.govflow.conformance;

import org.jspecify.annotations.NullMarked;
