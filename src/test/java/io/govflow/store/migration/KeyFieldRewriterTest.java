package io.govflow.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plaintext keys in copied documents are replaced where they stand; everything else keeps its bytes. */
class KeyFieldRewriterTest {

    private static final Predicate<String> PLAIN = v -> !v.startsWith("h:");
    private static final UnaryOperator<String> HASH = v -> "h:" + v.length();

    @TempDir
    Path dir;

    private final KeyFieldRewriter rewriter = new KeyFieldRewriter(new AtomicFileWriter(new StoreHealth()),
            new StoreJson());

    @Test
    void replacesEveryNestedKeyAndKeepsTheRestByteForByte() throws Exception {
        String text = "{\n  \"a\": 1.10,\n  \"layers\": {\"metadata\": {\"api_key\" :  \"abc\", \"n\": 1e3}},\n"
                + "  \"list\": [{\"api_key\": \"defg\"}, {\"api_key\": null}, {\"api_key\": \"h:9\"}],\n"
                + "  \"notes\": \"\\\"api_key\\\": \\\"zzz\\\"\"\n}";
        Path file = write("package.json", text);

        KeyFieldRewriter.Outcome outcome = rewriter.rewrite(file, PLAIN, HASH, false);

        assertThat(outcome.replaced()).isEqualTo(2);
        assertThat(Files.readString(file)).isEqualTo(text.replace("\"abc\"", "\"h:3\"").replace("\"defg\"", "\"h:4\""));
    }

    @Test
    void dryRunCountsAndWritesNothing() throws Exception {
        Path file = write("backup.json", "{\"metadata\": {\"api_key\": \"abc\"}}");
        assertThat(rewriter.rewrite(file, PLAIN, HASH, true).replaced()).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("{\"metadata\": {\"api_key\": \"abc\"}}");
    }

    @Test
    void anEscapedValueFallsBackToTheRewrittenTree() throws Exception {
        Path file = write("odd.json", "{\"api_key\": \"a\\u0062c\"}");
        assertThat(rewriter.rewrite(file, PLAIN, HASH, false).replaced()).isEqualTo(1);
        assertThat(new StoreJson().parse(Files.readAllBytes(file)).get("api_key").asString()).isEqualTo("h:3");
    }

    @Test
    void documentsWithoutKeysAndDamagedOnesAreLeftAlone() throws Exception {
        Path plain = write("history.json", "{\"agent_id\": \"x\", \"has_api_key\": true}");
        Path damaged = write("broken.json", "{\"api_key\": \"abc\", \"E_hist");
        long plainModified = Files.getLastModifiedTime(plain).toMillis();

        assertThat(rewriter.rewrite(plain, PLAIN, HASH, false)).isEqualTo(new KeyFieldRewriter.Outcome(0, false));
        assertThat(rewriter.rewrite(damaged, PLAIN, HASH, false)).isEqualTo(new KeyFieldRewriter.Outcome(0, true));
        assertThat(Files.getLastModifiedTime(plain).toMillis()).isEqualTo(plainModified);
        assertThat(Files.readString(damaged)).isEqualTo("{\"api_key\": \"abc\", \"E_hist");
        assertThat(rewriter.jsonFilesUnder(dir)).hasSize(2);
        assertThat(rewriter.jsonFilesUnder(dir.resolve("missing"))).isEmpty();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
