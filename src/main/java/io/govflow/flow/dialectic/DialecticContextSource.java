package io.govflow.flow.dialectic;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.context.ContextSource;
import io.govflow.flow.context.ContextTypes;
import io.govflow.flow.dialectic.SessionTimeouts.Expiry;
import io.govflow.store.context.CanonicalJson;
import io.govflow.store.context.ManifestEntry.Related;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionListing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code governance.dialectic}: the review sessions the agent takes part in (either role) — counts, the open ones
 * (phase, round, whose turn, expiry as a read reports it), the latest resolution and the conditions the agent was
 * resumed under — read from the stored sessions without a lock ({@link SessionListing}; on the file store a stat per
 * file, parsed again only when it changed).
 *
 * <p>Sessions have no change counter, and expiry changes with time without any write, so {@code d.as_of} carries
 * the counts and a digest of the derived content: the document is fresh exactly while nothing it shows has changed.
 */
@Component
class DialecticContextSource implements ContextSource {

    static final String SRC = "govflow.dialectic";
    static final int OPEN = 10;
    static final int RECENT = 5;
    static final int TOP = 3;
    static final int CONDITIONS = 5;
    static final int TEXT_CHARS = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Comparator<SessionFacts> NEWEST_FIRST = Comparator
            .comparing((SessionFacts f) -> f.session().createdAt())
            .thenComparing(f -> f.session().sessionId()).reversed();

    private final SessionListing sessions;
    private final SessionExpiry expiry;
    private final CanonicalJson canonical;
    private final Clock clock;

    DialecticContextSource(SessionListing sessions, SessionExpiry expiry, CanonicalJson canonical, Clock clock) {
        this.sessions = sessions;
        this.expiry = expiry;
        this.canonical = canonical;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ContextTypes.DIALECTIC;
    }

    @Override
    public JsonNode asOf(String agentId) {
        return content(agentId).asOf();
    }

    @Override
    public Derived derive(String agentId) {
        Content content = content(agentId);
        return Derived.stamped(SRC, content.asOf(), content.body(), content.s(), Content.HINTS, List.of(
                new Related(ContextTypes.STATE, "companion"),
                new Related(ContextTypes.KNOWLEDGE, "disputed_discoveries")));
    }

    /** Everything the document shows, and the stamp of it. */
    private record Content(ObjectNode asOf, ObjectNode body, ObjectNode s) {
        static final List<String> HINTS = List.of("dialectic", "review", "sessions", "resolution", "conditions");
    }

    private Content content(String agentId) {
        AgentIds.requireValid(agentId);
        Instant now = clock.instant();
        List<SessionFacts> all = sessions.all().stream().filter(s -> s.involves(agentId))
                .map(s -> SessionFacts.of(s, agentId, expiry.check(s, now).map(Expiry::code).orElse(null)))
                .sorted(NEWEST_FIRST).toList();
        List<SessionFacts> open = all.stream().filter(f -> !f.session().terminal()).toList();
        List<SessionFacts> live = open.stream().filter(f -> f.expiredBy() == null).toList();
        Optional<SessionFacts> lastResolution = all.stream().filter(f -> f.resolution() != null)
                .max(Comparator.comparing(SessionFacts::resolvedAt).thenComparing(f -> f.session().sessionId()));
        Optional<SessionFacts> binding = all.stream()
                .filter(f -> f.resolution() != null && f.pausedAgent() && "resume".equals(f.action()))
                .max(Comparator.comparing(SessionFacts::resolvedAt).thenComparing(f -> f.session().sessionId()));

        ObjectNode body = NODES.objectNode();
        body.set("sessions", counts(all, live, open));
        ArrayNode openItems = body.putArray("open");
        open.stream().limit(OPEN).forEach(f -> openItems.add(f.openJson(NextSteps.after(f.session()))));
        body.set("last_resolution", lastResolution.map(SessionFacts::resolutionJson).orElse(null));
        body.set("conditions", binding.map(SessionFacts::conditionsJson).orElse(null));
        ArrayNode recent = body.putArray("recent");
        all.stream().filter(f -> f.session().terminal()).limit(RECENT).forEach(f -> recent.add(f.recentJson()));

        ObjectNode s = summary(all, live, open, lastResolution.orElse(null), binding.orElse(null));
        ObjectNode stamped = NODES.objectNode();
        stamped.set("body", body);
        stamped.set("s", s);
        ObjectNode asOf = NODES.objectNode();
        asOf.put("sessions", all.size());
        asOf.put("open", live.size());
        asOf.put("digest", canonical.hash(stamped));
        return new Content(asOf, body, s);
    }

    private static ObjectNode counts(List<SessionFacts> all, List<SessionFacts> live, List<SessionFacts> open) {
        ObjectNode counts = NODES.objectNode();
        counts.put("total", all.size());
        counts.put("open", live.size());
        counts.put("expired", open.size() - live.size());
        for (String phase : List.of(DialecticSession.RESOLVED, DialecticSession.ESCALATED, DialecticSession.FAILED)) {
            counts.put(phase, all.stream().filter(f -> phase.equals(f.session().phase())).count());
        }
        counts.put("as_paused_agent", all.stream().filter(SessionFacts::pausedAgent).count());
        counts.put("as_reviewer", all.stream().filter(f -> !f.pausedAgent()).count());
        return counts;
    }

    private static ObjectNode summary(List<SessionFacts> all, List<SessionFacts> live, List<SessionFacts> open,
            @Nullable SessionFacts lastResolution, @Nullable SessionFacts binding) {
        ObjectNode s = NODES.objectNode();
        s.put("open", live.size());
        s.put("your_turn", live.stream().filter(SessionFacts::yourTurn).count());
        s.put("expired", open.size() - live.size());
        ArrayNode openSessions = s.putArray("open_sessions");
        live.stream().limit(TOP).forEach(f -> openSessions.addObject().put("session_id", f.session().sessionId())
                .put("phase", f.session().phase()).put("role", f.role()).put("your_turn", f.yourTurn()));
        if (lastResolution == null) {
            s.putNull("last_resolution");
        } else {
            s.putObject("last_resolution").put("session_id", lastResolution.session().sessionId())
                    .put("action", lastResolution.action()).put("ts", lastResolution.resolvedAt());
        }
        ArrayNode conditions = s.putArray("conditions");
        if (binding != null) {
            binding.conditions().stream().limit(CONDITIONS).forEach(c -> conditions.add(cut(c, TEXT_CHARS)));
        }
        for (String phase : List.of(DialecticSession.RESOLVED, DialecticSession.ESCALATED, DialecticSession.FAILED)) {
            s.put(phase, all.stream().filter(f -> phase.equals(f.session().phase())).count());
        }
        return s;
    }

    static String cut(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxChars));
    }
}
