package io.govflow.store.io;

import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

/**
 * The atomic, durable whole-file writer every repository uses, with the store's JSON formatting. Bytes and
 * streamed bodies follow the same protocol as JSON trees (see {@link AtomicFileWriter}).
 */
public final class AtomicJsonWriter {

    private final AtomicFileWriter files;
    private final StoreJson json;

    public AtomicJsonWriter(AtomicFileWriter files, StoreJson json) {
        this.files = files;
        this.json = json;
    }

    public void write(Path target, byte[] content) {
        files.write(target, content);
    }

    public void write(Path target, ContentWriter streamingBody) {
        files.write(target, streamingBody);
    }

    /** Writes the tree in the store's file format (2-space indent, {@code "key": value}, final newline). */
    public void writeJson(Path target, JsonNode document) {
        files.write(target, json.toFileBytes(document));
    }
}
