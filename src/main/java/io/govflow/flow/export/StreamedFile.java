package io.govflow.flow.export;

import java.io.IOException;
import java.io.OutputStream;

import io.govflow.store.io.ContentWriter;

/**
 * A document to stream to a client: its file name (for {@code Content-Disposition}), media type and body. The
 * body is written after the checks passed, so only an I/O failure can stop it midway.
 */
public record StreamedFile(String fileName, String contentType, ContentWriter body) {

    /** Writes the body to {@code out} (without closing it). */
    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }
}
