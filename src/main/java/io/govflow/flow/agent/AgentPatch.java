package io.govflow.flow.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A metadata change: each present field is written, absent ones are left as they are.
 *
 * @param tags        replaces the tags
 * @param notes       replaces the notes
 * @param appendNotes appended to the notes as a new line {@code [timestamp] text}
 */
public record AgentPatch(@Nullable List<String> tags, @Nullable String notes, @Nullable String appendNotes) {
}
