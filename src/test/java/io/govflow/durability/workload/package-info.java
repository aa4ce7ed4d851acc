/**
 * Workloads: one per family of writing endpoints, each able to drive its endpoints, remember what the service
 * acknowledged and check a recovered data directory against it. The crash, power-loss and two-process
 * harnesses run every workload of {@link io.govflow.durability.workload.Workloads#all()}.
 */
@NullMarked
package io.govflow.durability.workload;

import org.jspecify.annotations.NullMarked;
