package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import io.govflow.store.context.ContextEnvelopeCodec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 4 of the write pipeline: keeps {@code d} within its byte budget, in place and deterministically. Three
 * steps, each stopping as soon as the data fits: the longest arrays are cut to {@value #MAX_ITEMS} items, then
 * the longest strings to {@value #MAX_CHARS} characters, then the largest subtrees are replaced by
 * {@code {"_omitted": {"bytes": n}}}. Ties are broken by JSON Pointer, so the same input always gives the same
 * output. Every step that changed something is listed in {@code m.trim}.
 */
final class Trimmer {

    static final int MAX_ITEMS = 20;
    static final int MAX_CHARS = 500;
    /** Paths listed per step in {@code m.trim}; the count covers the rest. */
    static final int LISTED_PATHS = 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonSizes sizes;

    Trimmer(ContextEnvelopeCodec codec) {
        this.sizes = new JsonSizes(codec);
    }

    /** What trimming did: the {@code m.trim} list and whether {@code d} is still over budget. */
    record Result(ArrayNode trim, boolean over, long bytes) {
    }

    Result trim(ObjectNode d, long budget) {
        ArrayNode steps = NODES.arrayNode();
        long size = sizes.size(d);
        if (size > budget) {
            size = step(d, size, budget, steps, "cut_arrays", MAX_ITEMS, arrays(d), Trimmer::cutArray);
        }
        if (size > budget) {
            size = step(d, size, budget, steps, "cut_strings", MAX_CHARS, strings(d), Trimmer::cutString);
        }
        if (size > budget) {
            sizes.forget();
            size = step(d, size, budget, steps, "omit_subtrees", 0, subtrees(d), Trimmer::omit);
        }
        sizes.forget();
        return new Result(steps, size > budget, size);
    }

    private long step(ObjectNode root, long size, long budget, ArrayNode steps, String name, int limit,
            List<Spot> candidates, Replacer replacer) {
        long before = size;
        List<String> paths = new ArrayList<>();
        for (Spot spot : candidates) {
            if (size <= budget) {
                break;
            }
            if (root.at(spot.pointer()) != spot.node()) {
                continue; // inside something an earlier cut removed
            }
            long old = sizes.size(spot.node());
            JsonNode replacement = replacer.replace(spot, old);
            long smaller = sizes.size(replacement);
            if (smaller >= old) {
                continue; // a subtree smaller than the omission marker stays
            }
            spot.put(replacement);
            sizes.forget();
            size += smaller - old;
            paths.add(spot.pointer());
        }
        if (!paths.isEmpty()) {
            ObjectNode entry = steps.addObject();
            entry.put("step", name);
            if (limit > 0) {
                entry.put("limit", limit);
            }
            entry.put("count", paths.size());
            ArrayNode listed = entry.putArray("paths");
            paths.stream().limit(LISTED_PATHS).forEach(listed::add);
            entry.put("bytes_before", before);
            entry.put("bytes_after", size);
        }
        return size;
    }

    private static JsonNode cutArray(Spot spot, long bytes) {
        ArrayNode cut = NODES.arrayNode(MAX_ITEMS);
        for (int i = 0; i < MAX_ITEMS; i++) {
            cut.add(spot.node().get(i));
        }
        return cut;
    }

    private static JsonNode cutString(Spot spot, long bytes) {
        String text = spot.node().stringValue();
        int end = text.offsetByCodePoints(0, MAX_CHARS);
        return NODES.stringNode(text.substring(0, end));
    }

    private static JsonNode omit(Spot spot, long bytes) {
        ObjectNode marker = NODES.objectNode();
        marker.putObject("_omitted").put("bytes", bytes);
        return marker;
    }

    private List<Spot> arrays(ObjectNode root) {
        List<Spot> found = new ArrayList<>();
        collect(root, "", (node, pointer) -> node.isArray() && node.size() > MAX_ITEMS, found);
        return sorted(found, spot -> spot.node().size());
    }

    private List<Spot> strings(ObjectNode root) {
        List<Spot> found = new ArrayList<>();
        collect(root, "", (node, pointer) -> node.isString()
                && node.stringValue().codePointCount(0, node.stringValue().length()) > MAX_CHARS, found);
        return sorted(found, spot -> spot.node().stringValue().length());
    }

    private List<Spot> subtrees(ObjectNode root) {
        List<Spot> found = new ArrayList<>();
        collect(root, "", (node, pointer) -> node.isContainer(), found);
        return sorted(found, spot -> sizes.size(spot.node()));
    }

    private static List<Spot> sorted(List<Spot> spots, ToLongFunction<Spot> weight) {
        spots.sort(Comparator.comparingLong(weight).reversed().thenComparing(Spot::pointer));
        return spots;
    }

    /** Every node below {@code parent} (not the root itself) that matches. */
    private static void collect(JsonNode parent, String pointer, Matcher matcher, List<Spot> found) {
        if (parent.isObject()) {
            for (Map.Entry<String, JsonNode> property : parent.properties()) {
                String child = pointer + "/" + escape(property.getKey());
                visit(new Spot(parent, property.getKey(), -1, property.getValue(), child), matcher, found);
            }
        } else if (parent.isArray()) {
            for (int i = 0; i < parent.size(); i++) {
                visit(new Spot(parent, null, i, parent.get(i), pointer + "/" + i), matcher, found);
            }
        }
    }

    private static void visit(Spot spot, Matcher matcher, List<Spot> found) {
        if (matcher.matches(spot.node(), spot.pointer())) {
            found.add(spot);
        }
        collect(spot.node(), spot.pointer(), matcher, found);
    }

    /** RFC 6901 escaping of one reference token. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    @FunctionalInterface
    private interface Matcher {
        boolean matches(JsonNode node, String pointer);
    }

    @FunctionalInterface
    private interface Replacer {
        JsonNode replace(Spot spot, long bytes);
    }

    /** A node and where it hangs: a property of an object or an index of an array. */
    private record Spot(JsonNode parent, @Nullable String key, int index, JsonNode node,
            String pointer) {

        void put(JsonNode replacement) {
            if (key != null) {
                ((ObjectNode) parent).set(key, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }
}
