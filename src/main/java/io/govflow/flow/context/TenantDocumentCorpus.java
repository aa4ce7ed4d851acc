package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextStore;

/** The tenant's other valid context documents (invalid or tampered ones are never searched), whatever the terms. */
@Component
class TenantDocumentCorpus implements SearchCorpus {

    private final ContextStore repository;
    private final DocumentCheck check;

    TenantDocumentCorpus(ContextStore repository, DocumentCheck check) {
        this.repository = repository;
        this.check = check;
    }

    @Override
    public List<Item> items(String agentId, String excludedType, List<String> terms) {
        List<Item> items = new ArrayList<>();
        for (String type : repository.storedTypes(agentId)) {
            if (type.equals(excludedType)) {
                continue;
            }
            DocumentCheck.Checked checked = check.check(repository.readDocument(agentId, type), agentId, type);
            ContextEnvelope envelope = checked.envelope();
            if (checked.valid() && envelope != null) {
                List<String> hints = new ArrayList<>();
                hints.add(type);
                envelope.m().path("q").forEach(hint -> hints.add(hint.asString("")));
                items.add(new Item("context", type, envelope.ts(), hints, envelope.s(), envelope.d()));
            }
        }
        return items;
    }
}
