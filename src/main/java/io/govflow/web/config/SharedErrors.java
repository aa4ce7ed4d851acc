package io.govflow.web.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.govflow.error.ErrorCode;
import io.govflow.web.auth.Access;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The error codes an endpoint shares with every endpoint of its kind, so handlers list only their own: the
 * kind is read from the handler's {@link Access} level, its request body and {@link ApiErrors#writes()}.
 */
final class SharedErrors {

    /**
     * Any endpoint can fail unexpectedly, and refuses a request whose Accept header allows none of its media types
     * (answered before the handler runs).
     */
    static final Set<ErrorCode> ALWAYS = EnumSet.of(ErrorCode.NOT_ACCEPTABLE, ErrorCode.INTERNAL_ERROR);
    /** Endpoints that need a credential: none sent, or one that does not fit. */
    static final Set<ErrorCode> AUTHENTICATED = EnumSet.of(ErrorCode.AUTHENTICATION_REQUIRED,
            ErrorCode.AUTHENTICATION_FAILED);
    /**
     * Endpoints that take a credential count requests against a quota (and a wrong credential against the failed
     * authentications of the client address).
     */
    static final Set<ErrorCode> LIMITED = EnumSet.of(ErrorCode.RATE_LIMITED);
    /** Endpoints for the admin token only: another credential, or no admin token configured. */
    static final Set<ErrorCode> ADMIN = EnumSet.of(ErrorCode.FORBIDDEN, ErrorCode.ADMIN_DISABLED);
    /**
     * Endpoints that read a JSON body: invalid fields, unparsable JSON, a body over the limit, another media type
     * (the last two are answered by the web filters for every request, before the handler), a body that did not
     * arrive within the read deadline.
     */
    static final Set<ErrorCode> BODY = EnumSet.of(ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON,
            ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.REQUEST_TIMEOUT);
    /**
     * Endpoints that write to the store: the lock is busy, the store went read-only, checkpoints are too far behind,
     * the disk is full.
     */
    static final Set<ErrorCode> WRITES = EnumSet.of(ErrorCode.LOCK_TIMEOUT, ErrorCode.STORE_READ_ONLY,
            ErrorCode.CHECKPOINT_BACKLOG, ErrorCode.DISK_FULL, ErrorCode.DATABASE_UNAVAILABLE);
    /**
     * Endpoints that take a credential read the store (the agent's record, or the data the admin asked for): with
     * the PostgreSQL store, the database can be away.
     */
    static final Set<ErrorCode> DATABASE = EnumSet.of(ErrorCode.DATABASE_UNAVAILABLE);

    private SharedErrors() {
    }

    /** Every code {@code handler} can answer with: its own ({@link ApiErrors}) and the shared ones. */
    static Set<ErrorCode> of(HandlerMethod handler) {
        Set<ErrorCode> codes = EnumSet.copyOf(ALWAYS);
        ApiErrors own = handler.getMethodAnnotation(ApiErrors.class);
        if (own != null) {
            codes.addAll(Arrays.asList(own.value()));
            if (own.writes()) {
                codes.addAll(WRITES);
            }
        }
        Access access = handler.getMethodAnnotation(Access.class);
        if (access != null) {
            codes.addAll(byLevel(access.value()));
        }
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
            codes.addAll(BODY);
        }
        return codes;
    }

    private static Set<ErrorCode> byLevel(Access.Level level) {
        return switch (level) {
            case ANONYMOUS -> Set.of();
            // anonymous while open registration is on; otherwise the admin token, with the admin codes
            case REGISTRATION, ADMIN -> union(union(union(AUTHENTICATED, ADMIN), LIMITED), DATABASE);
            case ANY_CREDENTIAL, AGENT_KEY, AGENT_KEY_OR_ADMIN, TENANT_OR_ADMIN ->
                union(union(AUTHENTICATED, LIMITED), DATABASE);
        };
    }

    private static Set<ErrorCode> union(Set<ErrorCode> a, Set<ErrorCode> b) {
        Set<ErrorCode> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
