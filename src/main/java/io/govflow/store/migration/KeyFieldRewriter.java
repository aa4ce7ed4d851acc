package io.govflow.store.migration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces plaintext {@code "api_key"} values in JSON documents the reference wrote (complete packages, delete
 * backups) by their hash, in place. The text is edited where the values stand, so everything else keeps its
 * bytes; the result is parsed back and must equal the original document with only those values replaced,
 * otherwise the document is re-serialized from that tree instead. A file without such a value is not touched.
 */
public final class KeyFieldRewriter {

    private static final String FIELD = "api_key";
    private static final byte[] MARKER = ("\"" + FIELD + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final Pattern MEMBER = Pattern.compile("(\"" + FIELD + "\"\\s*:\\s*\")([^\"\\\\]*)(\")");

    /**
     * What happened to one file.
     *
     * @param replaced plaintext values replaced (or that would be, in a dry run)
     * @param damaged  the file is not valid JSON: left as it was
     */
    public record Outcome(int replaced, boolean damaged) {

        static final Outcome NOTHING = new Outcome(0, false);
        static final Outcome DAMAGED = new Outcome(0, true);
    }

    private final AtomicFileWriter writer;
    private final StoreJson json;

    public KeyFieldRewriter(AtomicFileWriter writer, StoreJson json) {
        this.writer = writer;
        this.json = json;
    }

    /** The {@code .json} files under {@code dir} (recursively), sorted; none when it does not exist. */
    public List<Path> jsonFilesUnder(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && name.endsWith(".json") && !name.startsWith(".")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw StorageErrors.readFailed("directory", dir, e);
        }
        files.sort(null);
        return files;
    }

    /**
     * Replaces every {@code api_key} member whose value {@code isPlaintext} by {@code hash} of it.
     *
     * @param dryRun count only, write nothing
     */
    public Outcome rewrite(Path file, Predicate<String> isPlaintext, UnaryOperator<String> hash, boolean dryRun) {
        try {
            if (!contains(file, MARKER)) {
                return Outcome.NOTHING;
            }
            byte[] original = Files.readAllBytes(file);
            JsonNode document = json.parse(original);
            JsonNode expected = document.deepCopy();
            int replaced = replaceInTree(expected, isPlaintext, hash);
            if (replaced == 0) {
                return Outcome.NOTHING;
            }
            if (!dryRun) {
                writer.write(file, edited(original, expected, isPlaintext, hash));
            }
            return new Outcome(replaced, false);
        } catch (NoSuchFileException e) {
            return Outcome.NOTHING;
        } catch (FileFormatException e) {
            return Outcome.DAMAGED;
        } catch (IOException e) {
            throw StorageErrors.readFailed("document", file, e);
        }
    }

    /** The text with the values replaced where they stand, or the tree re-serialized if that does not work out. */
    private byte[] edited(byte[] original, JsonNode expected, Predicate<String> isPlaintext,
            UnaryOperator<String> hash) {
        String text = new String(original, StandardCharsets.UTF_8);
        Matcher matcher = MEMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String value = matcher.group(2);
            String replacement = isPlaintext.test(value) ? hash.apply(value) : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + replacement
                    + matcher.group(3)));
        }
        matcher.appendTail(out);
        byte[] candidate = out.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (json.parse(candidate).equals(expected)) {
                return candidate;
            }
        } catch (FileFormatException e) {
            // fall through: the tree is the safe answer
        }
        return json.toFileBytes(expected);
    }

    private static int replaceInTree(JsonNode node, Predicate<String> isPlaintext, UnaryOperator<String> hash) {
        int replaced = 0;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : List.copyOf(object.properties())) {
                JsonNode value = member.getValue();
                if (member.getKey().equals(FIELD) && value.isString() && isPlaintext.test(value.asString())) {
                    object.put(FIELD, hash.apply(value.asString()));
                    replaced++;
                } else {
                    replaced += replaceInTree(value, isPlaintext, hash);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                replaced += replaceInTree(element, isPlaintext, hash);
            }
        }
        return replaced;
    }

    /** Streams the file looking for {@code pattern}; its first byte recurs only at its end, so no back-tracking. */
    private static boolean contains(Path file, byte[] pattern) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == pattern[matched]) {
                    if (++matched == pattern.length) {
                        return true;
                    }
                } else {
                    matched = b == pattern[0] ? 1 : 0;
                }
            }
            return false;
        }
    }
}
