/** Tests of flow.agent: registration, listing, edits and every lifecycle transition, over real HTTP. */
@NullMarked
package io.govflow.flow.agent;

import org.jspecify.annotations.NullMarked;
