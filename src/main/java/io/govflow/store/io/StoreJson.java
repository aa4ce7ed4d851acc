package io.govflow.store.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON format of every file the store writes: UTF-8, 2-space indent, {@code \n} line ends,
 * {@code "key": value}, one array element per line, {@code []} and {@code {}} for empty containers, full double
 * precision, a final newline (the layout of Python's {@code json.dump(indent=2)}). Field order is whatever the
 * tree holds: codecs build {@link ObjectNode}s in their documented order, so no alphabetical sorting applies.
 * Reading accepts what the reference writes, including bare {@code NaN} and {@code Infinity}.
 */
public final class StoreJson {

    private final JsonMapper mapper;
    private final ObjectWriter fileWriter;
    private final ObjectWriter compactWriter;

    public StoreJson() {
        this.mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.fileWriter = mapper.writer().with(filePrettyPrinter());
        this.compactWriter = mapper.writer();
    }

    /** The pretty printer of the file format (a new instance; printers keep nesting state). */
    public static DefaultPrettyPrinter filePrettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withRootSeparator("")
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayElementSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    /** The document in the file format, ending with a newline. */
    public byte[] toFileBytes(JsonNode document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        fileWriter.writeValue(out, document);
        out.write('\n');
        return out.toByteArray();
    }

    /** Streams the document in the file format, ending with a newline; does not close {@code out}. */
    public void writeFile(JsonNode document, OutputStream out) throws IOException {
        try {
            fileWriter.writeValue(out, document);
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
        out.write('\n');
    }

    /** Compact one-line JSON (no spaces), as in update-log lines. */
    public byte[] toCompactBytes(JsonNode document) {
        return compactWriter.writeValueAsBytes(document);
    }

    /** Parses a whole file; anything that is not one JSON value is a {@link FileFormatException}. */
    public JsonNode parse(byte[] content) {
        try {
            JsonNode node = mapper.readTree(content);
            if (node == null || node.isMissingNode()) {
                throw new FileFormatException("empty document");
            }
            return node;
        } catch (JacksonException e) {
            throw new FileFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a whole file that must hold one JSON object. */
    public ObjectNode parseObject(byte[] content) {
        JsonNode node = parse(content);
        if (!node.isObject()) {
            throw new FileFormatException("expected a JSON object, found " + node.getNodeType());
        }
        return (ObjectNode) node;
    }
}
