package io.govflow.store.postgres;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;

/** One document store's part of a {@link StoreTransfer}: its files into the database, and back out. */
public interface DocumentTransfer {

    /** What it moves (a word for the report). */
    String name();

    /** Copies the store's files under {@code source} into the database; returns what was copied, in words. */
    String importFrom(DataDirectory source);

    /** Writes the store's rows as files under {@code target}; returns what was written, in words. */
    String exportTo(DataDirectory target, AtomicFileWriter writer);
}
