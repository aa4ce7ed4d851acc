package io.govflow.flow.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Key tokenization and the secret / counter rules of the redaction step. */
class RedactorTest {

    @Test
    void keysAreSplitIntoLowerCaseWords() {
        assertThat(Redactor.tokens("apiKey")).containsExactly("api", "key");
        assertThat(Redactor.tokens("APIKey")).containsExactly("api", "key");
        assertThat(Redactor.tokens("x-api-key")).containsExactly("x", "api", "key");
        assertThat(Redactor.tokens("client_secret")).containsExactly("client", "secret");
        assertThat(Redactor.tokens("OAuth2Token")).containsExactly("o", "auth2", "token");
        assertThat(Redactor.tokens("db.password")).containsExactly("db", "password");
    }

    @Test
    void secretsAreRecognisedByWordNotBySubstring() {
        for (String key : new String[] {"apiKey", "API_KEY", "x-api-key", "apikeys", "Authorization",
                "client_secret", "refresh_token", "accessToken", "password", "password_hash", "passwd", "pwd",
                "Cookies", "bearer", "credentials", "private_key", "privateKey", "aws_access_key_id", "secrets"}) {
            assertThat(Redactor.isSecret(key)).as(key).isTrue();
        }
        for (String key : new String[] {"max_tokens", "maxTokens", "token_count", "tokens_used", "num_tokens",
                "total_tokens", "prompt_tokens", "completion_tokens", "secretary", "keyboard", "monkey",
                "api_version", "public_key", "keys", "author"}) {
            assertThat(Redactor.isSecret(key)).as(key).isFalse();
        }
    }

    @Test
    void redactionReplacesWholeValuesAtAnyDepthAndCountsThem() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.putObject("a").putArray("list").addObject().putObject("credentials").put("user", "u").put("pass", "p");
        d.put("token", 42);
        d.put("max_tokens", 100);
        assertThat(Redactor.redact(d)).isEqualTo(2);
        assertThat(d.toString()).isEqualTo(
                "{\"a\":{\"list\":[{\"credentials\":\"[REDACTED]\"}]},\"token\":\"[REDACTED]\",\"max_tokens\":100}");
    }
}
