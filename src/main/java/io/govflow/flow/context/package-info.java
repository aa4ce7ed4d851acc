/**
 * Context documents: the write pipeline (normalize, redact, summarize, budget, envelope, atomic write,
 * manifest), the read pipeline (summary first, validation, freshness, fallback to the canonical store and to a
 * lexical search) and the service-maintained {@code governance.*} documents, materialized lazily on read.
 */
@NullMarked
package io.govflow.flow.context;

import org.jspecify.annotations.NullMarked;
