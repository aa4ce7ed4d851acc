package io.govflow.web.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.govflow.flow.context.ContextSourceKind;
import io.govflow.web.context.ContextController;
import io.govflow.web.error.RequestIds;
import io.govflow.web.headers.SecurityHeaders;
import io.govflow.web.limit.RateLimitInterceptor;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springframework.http.HttpHeaders;

/** Response headers the OpenAPI document declares, with their schema. */
public enum ResponseHeader {
    /** On every answer, errors included. */
    REQUEST_ID(RequestIds.HEADER, "The request id, also in the error envelope's request_id",
            new StringSchema().pattern("^[0-9a-f]{32}$").maxLength(32)),
    /** On every answer, errors included: answers carry keys and private state. */
    CACHE_CONTROL(SecurityHeaders.CACHE_CONTROL, "Always no-store: no cache may keep an answer",
            enumOf(List.of(SecurityHeaders.NO_STORE))),
    /** On every answer, errors included. */
    CONTENT_TYPE_OPTIONS(SecurityHeaders.CONTENT_TYPE_OPTIONS, "Always nosniff: the declared media type is the only one",
            enumOf(List.of(SecurityHeaders.NOSNIFF))),
    ETAG(HttpHeaders.ETAG, "Version of the agent's user-editable fields; send it as If-Match to edit only if unchanged",
            new StringSchema().pattern("^(W/)?\"[^\"]{1,128}\"$").maxLength(132)),
    CONTENT_DISPOSITION(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"<the file's name>\"",
            new StringSchema().pattern("^attachment; filename=.+$").maxLength(512)),
    CONTEXT_SOURCE(ContextController.SOURCE_HEADER, "The source that served the read (as the body's source)",
            enumOf(Arrays.stream(ContextSourceKind.values()).map(ContextSourceKind::code).toList())),
    /** On the errors whose code promises one (busy lock, read-only store, loop cooldown, rate limit). */
    RETRY_AFTER(HttpHeaders.RETRY_AFTER, "Seconds to wait before retrying",
            new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(86_400))),
    /** On every answer counted against a quota (not on anonymous endpoints nor to the admin token). */
    RATE_LIMIT(RateLimitInterceptor.STATE_HEADER,
            "The quota this request counted against: requests left (r) and seconds until the quota is full "
                    + "again (t), e.g. \"context-writes\";r=59;t=1 (IETF httpapi RateLimit header draft)",
            new StringSchema().pattern("^\"[a-z-]{1,32}\";r=[0-9]{1,10};t=[0-9]{1,10}$").maxLength(64)),
    RATE_LIMIT_POLICY(RateLimitInterceptor.POLICY_HEADER,
            "The quota's policy: requests (q) per window of w seconds, e.g. \"context-writes\";q=60;w=60",
            new StringSchema().pattern("^\"[a-z-]{1,32}\";q=[0-9]{1,10};w=[0-9]{1,10}$").maxLength(64)),
    /** On 401 answers. */
    WWW_AUTHENTICATE(HttpHeaders.WWW_AUTHENTICATE, "The bearer challenge (RFC 6750)",
            new StringSchema().pattern("^Bearer( .+)?$").maxLength(256));

    private final String headerName;
    private final String description;
    private final Schema<?> schema;

    ResponseHeader(String headerName, String description, Schema<?> schema) {
        this.headerName = headerName;
        this.description = description;
        this.schema = schema;
    }

    public String headerName() {
        return headerName;
    }

    /** A fresh OpenAPI header object (the model is mutable; every response gets its own). */
    Header toHeader(boolean required) {
        return new Header().description(description).required(required).schema(copy(schema));
    }

    private static Schema<?> enumOf(List<String> values) {
        StringSchema schema = new StringSchema();
        values.forEach(schema::addEnumItem);
        schema.setMaxLength(values.stream().mapToInt(String::length).max().orElse(0));
        return schema;
    }

    private static Schema<?> copy(Schema<?> schema) {
        Schema<?> copy = schema instanceof IntegerSchema ? new IntegerSchema() : new StringSchema();
        copy.setPattern(schema.getPattern());
        copy.setMaxLength(schema.getMaxLength());
        copy.setMinimum(schema.getMinimum());
        copy.setMaximum(schema.getMaximum());
        if (schema.getEnum() != null) {
            ((StringSchema) copy).setEnum(schema.getEnum().stream().map(String::valueOf).toList());
        }
        return copy;
    }
}
