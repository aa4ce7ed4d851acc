package io.govflow.web.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI tags in the order of the workflow (Swagger UI lists operations in this order): agents and their
 * updates first, then exports, context, knowledge, dialectic, the fleet, configuration, and maintenance last.
 */
public final class ApiTags {

    public static final String AGENTS = "Agents";
    public static final String UPDATES = "Update flow";
    public static final String LIFECYCLE = "Agent lifecycle";
    public static final String EXPORTS = "Export flow";
    public static final String CONTEXT = "Context";
    public static final String KNOWLEDGE = "Knowledge graph";
    public static final String DIALECTIC = "Dialectic review";
    public static final String FLEET = "Fleet";
    public static final String CONFIGURATION = "Configuration";
    public static final String MAINTENANCE = "Maintenance";

    /** Every tag, in order, with its description. */
    static final Map<String, String> ORDERED = ordered();

    private ApiTags() {
    }

    private static Map<String, String> ordered() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(AGENTS, "Register an agent (keep the api_key: it is shown once) and read its metadata and metrics");
        tags.put(UPDATES, "Post an update after each unit of work and get a governance decision; simulate one; "
                + "read the current metrics");
        tags.put(LIFECYCLE, "List agents, edit their tags and notes, archive, resume, mark a response complete, "
                + "delete, rotate keys");
        tags.put(EXPORTS, "The full history from the update log: inline, streamed as a file, written as export "
                + "files; listing, download and validation of export files");
        tags.put(CONTEXT, "Compact context documents per agent: summary first, with fallbacks to the canonical "
                + "store and a lexical search");
        tags.put(KNOWLEDGE, "Record discoveries, search them, follow related ones, change their status");
        tags.put(DIALECTIC, "Peer review that gets a paused agent back to work, discovery disputes and "
                + "self-recovery");
        tags.put(FLEET, "Operators (admin token): the whole fleet at a glance — counts, distributions, agents that "
                + "need attention, anomalies, and a sortable listing");
        tags.put(CONFIGURATION, "The runtime decision thresholds");
        tags.put(MAINTENANCE, "Operators (admin token): consistency report and repair, migration of a reference "
                + "data directory, orphan adoption, lock files");
        return tags;
    }
}
