/**
 * Test support shared by every test package (no main package of this name): the application started on a temp
 * data directory ({@link io.govflow.support.GovflowApp}, {@link io.govflow.support.RunningApp}), a small HTTP
 * client, fixtures, file-tree fingerprints, store invariants, fault injection, credential scans, and the JUnit
 * tags of the long harnesses.
 */
@NullMarked
package io.govflow.support;

import org.jspecify.annotations.NullMarked;
