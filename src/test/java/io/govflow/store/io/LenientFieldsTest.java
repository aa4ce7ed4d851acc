package io.govflow.store.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.node.ObjectNode;

/** Each alternative JSON type read as the documented one, remembered as lax, and put back as stored on write. */
class LenientFieldsTest {

    private final StoreJson json = new StoreJson();

    static Stream<Arguments> texts() {
        return Stream.of(Arguments.of("42", "42"), Arguments.of("3.5", "3.5"), Arguments.of("true", "true"),
                Arguments.of("{\"k\": \"v\"}", "{\"k\":\"v\"}"), Arguments.of("[\"a\", 1]", "[\"a\",1]"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void anyValueWhereTextIsDocumentedIsReadAsItsText(String stored, String read) {
        LenientFields fields = new LenientFields(object("{\"f\": " + stored + "}"));
        assertThat(fields.nullableText("f")).isEqualTo(read);
        assertThat(fields.lax().names()).containsExactly("f");
        assertRestoredAsStored(fields, "f", json.object().put("f", read), stored);
    }

    static Stream<Arguments> lists() {
        return Stream.of(Arguments.of("\"solo\"", List.of("solo")), Arguments.of("null", List.of()),
                Arguments.of("7", List.of("7")), Arguments.of("false", List.of("false")),
                Arguments.of("[1, true, {\"k\": 1}]", List.of("1", "true", "{\"k\":1}")));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void anyValueWhereAListOfStringsIsDocumentedIsReadAsOne(String stored, List<String> read) {
        LenientFields fields = new LenientFields(object("{\"f\": " + stored + "}"));
        assertThat(fields.strings("f")).isEqualTo(read);
        assertThat(fields.lax().storedTypes()).containsOnlyKeys("f");
        ObjectNode written = json.object();
        JsonFields.putStrings(written, "f", read);
        assertRestoredAsStored(fields, "f", written, stored);
    }

    @Test
    void documentedTypesAreNotLaxAndNullIsAbsentTextOrTheDefault() {
        LenientFields fields = new LenientFields(object("{\"a\": \"x\", \"b\": [\"y\"], \"c\": null, \"d\": null}"));
        assertThat(fields.nullableText("a")).isEqualTo("x");
        assertThat(fields.strings("b")).containsExactly("y");
        assertThat(fields.nullableText("c")).isNull();
        assertThat(fields.lax().isEmpty()).isTrue();
        assertThat(fields.text("d", "")).isEmpty();
        assertThat(fields.lax().storedTypes()).containsEntry("d", "null");
    }

    @Test
    void aValueChangedByTheServiceIsWrittenAsTheServiceSetIt() {
        LenientFields fields = new LenientFields(object("{\"f\": 42}"));
        fields.nullableText("f");
        ObjectNode written = json.object().put("f", "changed");
        fields.lax().restore(written);
        assertThat(written.get("f").asString()).isEqualTo("changed");
    }

    @Test
    void anObjectWhereNoneIsUsableIsReadAsAbsentAndABooleanFromItsWords() {
        LenientFields fields = new LenientFields(object("{\"o\": \"text\", \"b\": \"TRUE\", \"n\": \"maybe\"}"));
        assertThat(fields.nullableObject("o")).isNull();
        assertThat(fields.nullableBoolean("b")).isTrue();
        assertThat(fields.nullableBoolean("n")).isNull();
        assertThat(fields.lax().storedTypes()).containsOnlyKeys("o", "b", "n");
    }

    private void assertRestoredAsStored(LenientFields fields, String name, ObjectNode written, String stored) {
        fields.lax().restore(written);
        assertThat(written.get(name)).isEqualTo(object("{\"f\": " + stored + "}").get("f"));
    }

    private ObjectNode object(String text) {
        return json.parseObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
