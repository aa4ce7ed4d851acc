@NullMarked
package io.govflow.durability;

import org.jspecify.annotations.NullMarked;
