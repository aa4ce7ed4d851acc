package io.govflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One client posting updates for one agent over its own connection, always with that agent's key. */
final class UpdateClient implements AutoCloseable {

    static final byte[] BODY = ("{\"complexity\":0.45,\"confidence\":0.85,\"ethical_drift\":[0.05,0.02,0.0],"
            + "\"response_text\":\"Summarised a design document and checked three of its references.\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final Agent agent;
    private final HttpConnection connection;
    private final byte[] request;
    private final Tally tally;
    private final Ledger ledger;

    UpdateClient(int port, Agent agent, Tally tally, Ledger ledger) {
        this.agent = agent;
        this.connection = new HttpConnection(port);
        this.request = HttpConnection.request("POST", "/api/v1/agents/" + agent.id() + "/updates", port, agent.key(),
                BODY);
        this.tally = tally;
        this.ledger = ledger;
    }

    /** Posts one update; true when it was answered 2xx. */
    boolean update() {
        try {
            HttpReply reply = connection.exchange(request);
            if (tally.reply(reply)) {
                ledger.committedError(agent.id());
            }
            if (reply.ok()) {
                ledger.acknowledged(agent.id());
            }
            return reply.ok();
        } catch (IOException e) {
            tally.transportError(e);
            return false;
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
