@NullMarked
package io.govflow.web;

import org.jspecify.annotations.NullMarked;
