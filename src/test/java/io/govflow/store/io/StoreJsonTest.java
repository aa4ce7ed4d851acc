package io.govflow.store.io;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreJsonTest {

    private final StoreJson json = new StoreJson();

    @Test
    void writesThePythonIndent2LayoutInInsertionOrder() {
        ObjectNode o = json.object();
        o.put("zeta", 0.1 + 0.2);
        o.put("alpha", "a/b");
        o.putArray("list").add(1.0).add("x");
        o.putArray("empty_list");
        o.putObject("empty_object");
        o.putObject("nested").put("b", true).putNull("a");
        o.put("count", 3);

        String text = new String(json.toFileBytes(o), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                {
                  "zeta": 0.30000000000000004,
                  "alpha": "a/b",
                  "list": [
                    1.0,
                    "x"
                  ],
                  "empty_list": [],
                  "empty_object": {},
                  "nested": {
                    "b": true,
                    "a": null
                  },
                  "count": 3
                }
                """);
    }

    @Test
    void keepsFullDoublePrecisionAndReadsPythonNonFiniteNumbers() {
        ObjectNode o = json.parseObject("{\"a\": 0.1234567890123456789, \"b\": NaN, \"c\": -Infinity, \"d\": 1e-05}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(o.get("a").doubleValue()).isEqualTo(0.1234567890123456789);
        assertThat(o.get("b").doubleValue()).isNaN();
        assertThat(o.get("c").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        ObjectNode back = json.parseObject(json.toFileBytes(o));
        assertThat(back.get("a").doubleValue()).isEqualTo(0.1234567890123456789);
        assertThat(back.get("b").doubleValue()).isNaN();
        assertThat(back.get("d").doubleValue()).isEqualTo(1e-05);
    }

    @Test
    void compactOutputHasNoSpaces() {
        ObjectNode o = json.object();
        o.put("seq", 1);
        o.putArray("a").add(1).add(2);

        assertThat(new String(json.toCompactBytes(o), StandardCharsets.UTF_8)).isEqualTo("{\"seq\":1,\"a\":[1,2]}");
    }

    @Test
    void rejectsDamagedDocuments() {
        assertThatThrownBy(() -> json.parseObject(new byte[0])).isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> json.parseObject("{\"a\": 1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> json.parseObject("{\"a\": 1} x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> json.parseObject("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileFormatException.class);
    }
}
