/** Tests of the context pipelines: unit level with a fixed clock, and over real HTTP on real files. */
@NullMarked
package io.govflow.flow.context;

import org.jspecify.annotations.NullMarked;
