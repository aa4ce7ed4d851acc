/**
 * The PostgreSQL store ({@code govflow.store.kind=postgres}, scale-out spec): every store interface on one
 * database that several replicas share. Documents keep their JSON shapes in {@code jsonb} columns, update-log lines
 * their exact text; seqs stay contiguous across replicas through the log head's row lock, and cross-replica locks
 * are PostgreSQL advisory locks. Schema by Flyway migrations in the jar ({@code db/migration/postgresql}).
 */
@NullMarked
package io.govflow.store.postgres;

import org.jspecify.annotations.NullMarked;
