package io.govflow.flow.agent;

import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * The tag that protects an agent from deletion. Only the admin sets or removes it: an agent that could tag itself
 * would make itself undeletable, even by the admin.
 */
final class ProtectedTag {

    static final String NAME = "pioneer";

    private ProtectedTag() {
    }

    /** Refuses ({@code FORBIDDEN}) a change of tags that adds or removes the tag, unless the admin makes it. */
    static void requireAdminToChange(List<String> before, List<String> after, boolean byAdmin) {
        if (!byAdmin && before.contains(NAME) != after.contains(NAME)) {
            throw GovflowException.withDetails(ErrorCode.FORBIDDEN, Map.of("fields", List.of(Map.of("field", "tags",
                    "problem", "only the admin sets or removes the tag " + NAME))));
        }
    }
}
