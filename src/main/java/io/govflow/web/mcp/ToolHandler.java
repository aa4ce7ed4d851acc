package io.govflow.web.mcp;

/** What a tool does with a call whose credential has been checked: the REST response body it answers with. */
@FunctionalInterface
interface ToolHandler {

    Object handle(ToolCall call) throws Exception;
}
