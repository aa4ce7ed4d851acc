package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.govflow.flow.auth.ApiKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Step 2 of the write pipeline: replaces the value of every secret-looking key, at any depth, with
 * {@value #MARK}. A key is split into lower-case word tokens (on '_', '-', '.', white space and camelCase); it is a
 * secret when a token is one of {@link #SECRET_WORDS} or two adjacent tokens form one of the pairs
 * {@code api key(s)}, {@code private key}, {@code access key}. Token counters ({@link #COUNTERS}) are not secrets.
 *
 * <p>Strings are also redacted by what they contain, under any key: a Govflow key (its prefix), a bearer
 * credential and a private-key block are replaced where they stand. Keys and strings are checked once more after
 * {@link LookAlikes#fold folding} compatibility forms and look-alike letters; a string that holds a secret only
 * once folded is replaced whole.
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

    /** Secrets recognised by their value (the key prefix, bearer credentials, PEM private-key blocks). */
    private static final List<Pattern> SECRET_VALUES = List.of(
            Pattern.compile(Pattern.quote(ApiKeys.PREFIX) + "[A-Za-z0-9_-]{16,}"),
            // a token with at least one digit or symbol, so prose ("the bearer responsibility") is left alone
            Pattern.compile("(?i)\\bbearer\\s+(?=[A-Za-z]*[0-9._~+/-])[A-Za-z0-9._~+/-]{8,}=*"),
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"));

    private Redactor() {
    }

    /** Redacts in place and returns the number of values replaced. */
    static int redact(JsonNode node) {
        int count = 0;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String key : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(key);
                if (isSecret(key)) {
                    object.set(key, StringNode.valueOf(MARK));
                    count++;
                } else if (value.isString()) {
                    String cleaned = redactText(value.asString());
                    if (!cleaned.equals(value.asString())) {
                        object.set(key, StringNode.valueOf(cleaned));
                        count++;
                    }
                } else {
                    count += redact(value);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isString()) {
                    String cleaned = redactText(item.asString());
                    if (!cleaned.equals(item.asString())) {
                        array.set(i, StringNode.valueOf(cleaned));
                        count++;
                    }
                } else {
                    count += redact(item);
                }
            }
        }
        return count;
    }

    /** The text with every secret-looking value replaced by {@value #MARK}; the text itself when it has none. */
    static String redactText(String text) {
        String out = text;
        for (Pattern pattern : SECRET_VALUES) {
            out = pattern.matcher(out).replaceAll(MARK);
        }
        if (!out.equals(text)) {
            return out;
        }
        String folded = LookAlikes.fold(text);
        if (!folded.equals(text) && SECRET_VALUES.stream().anyMatch(p -> p.matcher(folded).find())) {
            return MARK;
        }
        return text;
    }

    static boolean isSecret(String key) {
        return isSecretName(key) || isSecretName(LookAlikes.fold(key));
    }

    private static boolean isSecretName(String key) {
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
