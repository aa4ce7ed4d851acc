package io.govflow.store.context;

import java.util.Optional;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * File names inside a tenant's {@code agent_context} directory: {@code {t}.json}, the previous valid copy
 * {@code {t}.prev.json} and {@code _manifest.json}. A type is lower-case dotted segments, so it can never name a
 * directory, a hidden file, the manifest or a path outside the directory; a type whose last segment is
 * {@code prev} would collide with a previous copy and is refused.
 */
public final class ContextFileNames {

    public static final int MAX_TYPE_LENGTH = 100;
    public static final String MANIFEST = "_manifest.json";
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){0,5}");
    private static final String DOCUMENT_SUFFIX = ".json";
    private static final String PREVIOUS_SUFFIX = ".prev.json";

    private ContextFileNames() {
    }

    public static boolean isValidType(String type) {
        return type.length() <= MAX_TYPE_LENGTH && TYPE.matcher(type).matches() && !type.endsWith(".prev")
                && !"prev".equals(type);
    }

    public static String requireType(String type) {
        if (!isValidType(type)) {
            throw new GovflowException(ErrorCode.INVALID_CONTEXT_TYPE);
        }
        return type;
    }

    static String document(String type) {
        return requireType(type) + DOCUMENT_SUFFIX;
    }

    static String previous(String type) {
        return requireType(type) + PREVIOUS_SUFFIX;
    }

    /** The type a directory entry holds the current document of, if it is one. */
    static Optional<String> typeOfDocument(String fileName) {
        if (!fileName.endsWith(DOCUMENT_SUFFIX) || fileName.endsWith(PREVIOUS_SUFFIX)) {
            return Optional.empty();
        }
        String type = fileName.substring(0, fileName.length() - DOCUMENT_SUFFIX.length());
        return isValidType(type) ? Optional.of(type) : Optional.empty();
    }
}
