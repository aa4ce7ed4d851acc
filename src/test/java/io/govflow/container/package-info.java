/**
 * Integration tests of the deployment: the image built from the project's Dockerfile, its data volume,
 * compose.yaml (its default profile, and the cluster profile: PostgreSQL, two replicas, a load balancer), and
 * crash safety across {@code docker kill}. Run by failsafe after {@code package}. A cross-cutting suite of the
 * whole service, so it keeps its own top-level package.
 */
@NullMarked
package io.govflow.container;

import org.jspecify.annotations.NullMarked;
