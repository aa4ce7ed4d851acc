package io.govflow.store.context;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tenant's context documents (current and previous copy per type) and its manifest. Reads never create
 * anything; a missing or damaged manifest reads as the one rebuilt from the current documents.
 *
 * <p>Every change goes through {@link #change}: the document, its previous copy and the manifest change together,
 * one tenant at a time across every thread and, on a shared database, across every replica.
 */
public interface ContextStore {

    Optional<byte[]> readDocument(String agentId, String type);

    Optional<byte[]> readPrevious(String agentId, String type);

    /** Types that have a current document, sorted. */
    List<String> storedTypes(String agentId);

    ContextManifest manifest(String agentId);

    /**
     * Runs {@code work} with the tenant's documents and manifest held exclusively: no other change of the same
     * tenant runs meanwhile, and what {@code work} reads is what it changes.
     */
    <T> T change(String agentId, Function<ContextChange, T> work);

    /**
     * Removes every document, previous copy and the manifest of the tenant, so an id registered afresh after a
     * purge starts without them; returns how many were removed.
     */
    int deleteAll(String agentId);
}
