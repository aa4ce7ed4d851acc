package io.govflow.flow.update;

/** Writes the history export that a significant update asks for (implemented by the export flow). */
public interface AutoExports {

    /**
     * Exports the agent's history as JSON under an automatic {@code {agent_id}_significant_{stamp}} name.
     *
     * @return the file's path relative to the data directory
     * @throws io.govflow.error.GovflowException when the export could not be written
     */
    String exportSignificant(String agentId);
}
