/** The update flow: authenticate, validate, compute, decide, persist, respond; and side-effect-free simulation. */
@NullMarked
package io.govflow.flow.update;

import org.jspecify.annotations.NullMarked;
