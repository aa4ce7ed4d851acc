/** The fleet endpoints for operators (admin token): summary, anomalies and the sortable agent listing. */
@NullMarked
package io.govflow.web.fleet;

import org.jspecify.annotations.NullMarked;
