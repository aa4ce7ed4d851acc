package io.govflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the gzipped golden vectors from the test classpath. */
public final class ConformanceVectors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConformanceVectors() {
    }

    public static JsonNode load(String name) {
        String resource = "/conformance/" + name + ".json.gz";
        try (InputStream raw = ConformanceVectors.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            try (InputStream json = new GZIPInputStream(raw)) {
                return JSON.readTree(json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UpdateInput input(JsonNode step) {
        JsonNode input = step.get("input");
        JsonNode drift = input.path("ethical_drift");
        double[] components = new double[drift.size()];
        for (int index = 0; index < components.length; index++) {
            components[index] = drift.get(index).doubleValue();
        }
        return new UpdateInput(input.get("complexity").doubleValue(), input.get("confidence").doubleValue(),
                components, input.path("response_text").asString(""));
    }
}
