package io.govflow.flow.consistency;

import java.util.ArrayList;
import java.util.List;

import io.govflow.error.GovflowException;
import io.govflow.flow.dialectic.MessageSigner;
import io.govflow.flow.dialectic.SessionSignatures;
import io.govflow.store.check.Problem;
import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.Discovery;
import io.govflow.store.knowledge.KnowledgeGraph;
import io.govflow.store.knowledge.KnowledgeGraphStore;
import io.govflow.store.secret.SigningSecretStore;

import org.springframework.stereotype.Component;

/**
 * The file findings of dialectic sessions and knowledge-graph nodes: fields read leniently
 * ({@code LEGACY_FIELD_TYPE}), sessions or nodes that cannot be read ({@code RECORD_CORRUPT}, naming them) and
 * message signatures ({@code SIGNATURE_UNVERIFIABLE}, {@code SIGNATURE_INVALID}). Read-only: it never creates the
 * server secret.
 */
@Component
public class RecordFindings {

    private static final String GRAPH_FILE = "knowledge_graph.json";

    private final SessionStore sessions;
    private final KnowledgeGraphStore graphs;
    private final SessionSignatures signatures;

    public RecordFindings(SessionStore sessions, KnowledgeGraphStore graphs, SigningSecretStore secrets,
            StoreJson json) {
        this.sessions = sessions;
        this.graphs = graphs;
        this.signatures = new SessionSignatures(MessageSigner.verifier(secrets, sessions.codec(), json));
    }

    public List<ConsistencyReport.FileReport> check() {
        List<ConsistencyReport.FileReport> reports = new ArrayList<>();
        for (SessionStore.ScannedSession file : sessions.scan()) {
            List<Problem> problems = file.session() == null ? List.of(Problem.error(ConsistencyCodes.RECORD_CORRUPT,
                    "The session file cannot be read; only this session is unavailable (repair leaves it as it is)."))
                    : session("dialectic_sessions/" + file.fileName(), file.session());
            if (!problems.isEmpty()) {
                reports.add(new ConsistencyReport.FileReport("dialectic_sessions/" + file.fileName(), problems));
            }
        }
        List<Problem> graph = graph();
        if (!graph.isEmpty()) {
            reports.add(new ConsistencyReport.FileReport(GRAPH_FILE, graph));
        }
        return reports;
    }

    private List<Problem> session(String file, DialecticSession session) {
        List<Problem> problems = new ArrayList<>(LegacyFieldTypes.of(file, "", session.laxFields()));
        List<DialecticMessage> transcript = session.transcript();
        for (int i = 0; i < transcript.size(); i++) {
            problems.addAll(LegacyFieldTypes.of(file, "transcript[" + i + "].", transcript.get(i).laxFields()));
        }
        problems.addAll(SessionSignatures.problems(signatures.check(session)));
        return problems;
    }

    private List<Problem> graph() {
        KnowledgeGraph graph;
        try {
            graph = graphs.read();
        } catch (GovflowException e) {
            return List.of(Problem.error(ConsistencyCodes.RECORD_CORRUPT, "The knowledge graph file cannot be read."));
        }
        List<Problem> problems = new ArrayList<>();
        for (KnowledgeGraph.DamagedNode node : graph.damaged().values()) {
            problems.add(Problem.error(ConsistencyCodes.RECORD_CORRUPT, "Node '%s' cannot be read; only this "
                    .formatted(node.id()) + "discovery is unavailable (repair leaves it as it is)."));
        }
        for (Discovery d : graph.nodes().values()) {
            problems.addAll(LegacyFieldTypes.of(GRAPH_FILE, "nodes['" + d.id() + "'].", d.laxFields()));
        }
        return problems;
    }
}
