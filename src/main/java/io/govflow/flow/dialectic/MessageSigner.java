package io.govflow.flow.dialectic;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.govflow.error.GovflowException;
import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.SessionCodec;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreJson;
import io.govflow.store.secret.ServerSecret;
import io.govflow.store.secret.SigningSecretStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs transcript messages: HMAC-SHA256 with the server secret ({@code data/.govflow-secret} on the file store, a
 * row shared by every replica on PostgreSQL) over the message's canonical JSON (keys sorted at every level, no
 * whitespace), as lower-case hex. The secret is created on start-up; if that fails (e.g. a read-only data
 * directory, a database not up yet) the service still starts and the first signature retries.
 */
@Component
public class MessageSigner {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSigner.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SigningSecretStore secrets;
    private final SessionCodec codec;
    private final StoreJson json;
    private volatile @Nullable ServerSecret secret;

    @Autowired
    public MessageSigner(SigningSecretStore secrets, SessionCodec codec, StoreJson json) {
        this(secrets, codec, json, true);
    }

    private MessageSigner(SigningSecretStore secrets, SessionCodec codec, StoreJson json, boolean createSecret) {
        this.secrets = secrets;
        this.codec = codec;
        this.json = json;
        if (!createSecret) {
            return;
        }
        try {
            this.secret = secrets.loadOrCreate();
        } catch (GovflowException e) {
            LOG.warn("Server secret not available at start-up ({}); dialectic signatures retry on use",
                    LogText.safe(e.code()));
        }
    }

    /**
     * A signer for read-only checks ({@link #verify} only): it never creates the secret, and reports signed
     * messages as unverifiable while there is none.
     */
    public static MessageSigner verifier(SigningSecretStore secrets, SessionCodec codec, StoreJson json) {
        return new MessageSigner(secrets, codec, json, false);
    }

    public String sign(DialecticMessage message) {
        return hmac(secret(), message);
    }

    private String hmac(ServerSecret key, DialecticMessage message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.key(), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(canonical(message)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** This message with its signature, as Govflow stores every message it writes. */
    public DialecticMessage signed(DialecticMessage message) {
        return message.withSignature(sign(message));
    }

    /**
     * Checks a stored message: {@code valid} when its signature is this server's over the message as stored,
     * {@code invalid} when it has one that does not match (the file was edited), {@code unverifiable} when it has
     * none (the reference signed with agent keys Govflow never held).
     */
    public SignatureStatus verify(DialecticMessage message) {
        String stored = message.signature();
        ServerSecret key = existingSecret();
        if (stored == null || key == null) {
            return SignatureStatus.UNVERIFIABLE;
        }
        byte[] expected = hmac(key, message).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, stored.getBytes(StandardCharsets.UTF_8)) ? SignatureStatus.VALID
                : SignatureStatus.INVALID;
    }

    /** The bytes that are signed: the message as its file holds it without its signature, keys sorted, compact. */
    byte[] canonical(DialecticMessage message) {
        return json.toCompactBytes(sorted(codec.signedPart(message)));
    }

    /** The secret if it exists (loaded once); checking a signature never creates it. */
    private @Nullable ServerSecret existingSecret() {
        ServerSecret current = secret;
        if (current == null) {
            current = secrets.loadIfPresent().orElse(null);
            secret = current;
        }
        return current;
    }

    private ServerSecret secret() {
        ServerSecret current = secret;
        if (current == null) {
            synchronized (this) {
                current = secret;
                if (current == null) {
                    current = secrets.loadOrCreate();
                    secret = current;
                }
            }
        }
        return current;
    }

    private JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = json.object();
            List<String> names = new ArrayList<>();
            object.propertyNames().forEach(names::add);
            names.sort(null);
            for (String name : names) {
                out.set(name, sorted(object.get(name)));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = json.array();
            array.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
