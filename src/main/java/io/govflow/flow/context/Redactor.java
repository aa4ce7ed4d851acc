package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Step 2 of the write pipeline: replaces the value of every secret-looking key, at any depth, with
 * {@value #MARK}. A key is split into lower-case word tokens (on '_', '-', '.', white space and camelCase); it is a
 * secret when a token is one of {@link #SECRET_WORDS} or two adjacent tokens form one of the pairs
 * {@code api key(s)}, {@code private key}, {@code access key}. Token counters ({@link #COUNTERS}) are not secrets.
 */
final class Redactor {

    static final String MARK = "[REDACTED]";
    private static final Set<String> SECRET_WORDS = Set.of("token", "tokens", "secret", "secrets", "password",
            "passwords", "passwd", "pwd", "authorization", "cookie", "cookies", "bearer", "credential",
            "credentials", "apikey", "apikeys");
    private static final Set<String> COUNTERS = Set.of("max_tokens", "token_count", "tokens_used", "num_tokens",
            "total_tokens", "prompt_tokens", "completion_tokens");
    private static final Pattern SEPARATORS = Pattern.compile("[_\\-.\\s]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private Redactor() {
    }

    /** Redacts in place and returns the number of values replaced. */
    static int redact(JsonNode node) {
        int count = 0;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String key : List.copyOf(object.propertyNames())) {
                if (isSecret(key)) {
                    object.set(key, StringNode.valueOf(MARK));
                    count++;
                } else {
                    count += redact(object.get(key));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : (ArrayNode) node) {
                count += redact(item);
            }
        }
        return count;
    }

    static boolean isSecret(String key) {
        List<String> tokens = tokens(key);
        if (COUNTERS.contains(String.join("_", tokens))) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (SECRET_WORDS.contains(tokens.get(i))) {
                return true;
            }
            if (i + 1 < tokens.size() && isSecretPair(tokens.get(i), tokens.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    static List<String> tokens(String key) {
        List<String> tokens = new ArrayList<>();
        for (String part : SEPARATORS.split(key)) {
            for (String word : CAMEL.split(part)) {
                if (!word.isEmpty()) {
                    tokens.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    private static boolean isSecretPair(String first, String second) {
        return switch (first) {
            case "api" -> second.equals("key") || second.equals("keys");
            case "private", "access" -> second.equals("key");
            default -> false;
        };
    }
}
