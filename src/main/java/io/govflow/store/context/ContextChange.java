package io.govflow.store.context;

import java.util.Optional;

/** One tenant's documents and manifest while a {@link ContextStore#change} holds them. */
public interface ContextChange {

    Optional<byte[]> readDocument(String type);

    void writeDocument(String type, byte[] content);

    void writePrevious(String type, byte[] content);

    /** Removes the document and its previous copy; true when either existed. */
    boolean delete(String type);

    ContextManifest manifest();

    void writeManifest(ContextManifest manifest);
}
