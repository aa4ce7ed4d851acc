@NullMarked
package io.govflow.conformance;

import org.jspecify.annotations.NullMarked;
