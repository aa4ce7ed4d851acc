package io.govflow.store.io;

import java.io.IOException;
import java.io.OutputStream;

/** Streams a file's whole content into the atomic writer's temp file (exports use it to keep memory flat). */
@FunctionalInterface
public interface ContentWriter {

    /** Writes the content; must not close {@code out}. */
    void writeTo(OutputStream out) throws IOException;
}
