package io.govflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.govflow.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** One command-line tool run in this JVM: its exit status and what it printed on stdout and stderr. */
record ToolRun(int exit, String out, String err) {

    static ToolRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(CommandLineTools.handles(args)).isTrue();
        int exit = CommandLineTools.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ToolRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    JsonNode json() {
        return ApiClient.JSON.readTree(out);
    }
}
