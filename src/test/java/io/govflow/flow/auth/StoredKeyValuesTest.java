package io.govflow.flow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stored {@code api_key} that is neither a well-formed hash nor a plaintext reference key never authenticates,
 * whatever is presented (the stored text itself included), and never fails with an exception.
 */
class StoredKeyValuesTest {

    static List<String> unusableStoredValues() {
        return List.of("", "sha256:", "sha256:abc", "sha256:" + "z".repeat(64), "sha256:" + "0".repeat(63),
                "SHA256:" + "0".repeat(64) + "0");
    }

    @ParameterizedTest
    @MethodSource("unusableStoredValues")
    void anUnusableStoredKeyMatchesNothing(String stored) {
        for (String presented : List.of(stored, "", "sha256:" + "z".repeat(64), ApiKeys.generate())) {
            assertThat(ApiKeys.matches(presented, stored)).as("%s against %s", presented, stored).isFalse();
        }
        assertThat(ApiKeys.isUsable(stored)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("unusableStoredValues")
    void aWellFormedHashAndAReferencePlaintextKeyStillMatch(String ignored) {
        String key = ApiKeys.generate();
        assertThat(ApiKeys.matches(key, ApiKeys.hash(key))).isTrue();
        assertThat(ApiKeys.matches(key, key)).as("a reference plaintext key not yet migrated").isTrue();
        assertThat(ApiKeys.matches(key + "x", ApiKeys.hash(key))).isFalse();
    }
}
