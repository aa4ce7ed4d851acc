package io.govflow.flow.context;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** The registered {@link ContextSource}s by type. */
@Component
public class ContextSources {

    private final Map<String, ContextSource> byType = new TreeMap<>();

    public ContextSources(List<ContextSource> sources) {
        for (ContextSource source : sources) {
            if (!ContextTypes.serviceMaintained(source.type()) || !ContextTypes.isValid(source.type())) {
                throw new IllegalStateException("context sources must serve governance.* types");
            }
            if (byType.put(source.type(), source) != null) {
                throw new IllegalStateException("two context sources for one type");
            }
        }
    }

    public Optional<ContextSource> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The service-maintained types that can be materialized, sorted. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }
}
