package io.govflow.web.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.govflow.error.ErrorCode;
import io.govflow.web.auth.Access;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Every operation's responses as the handler really answers, read from the code: the success statuses
 * ({@code @ResponseStatus} or {@link ApiSuccess#statuses()}) and their headers, the error statuses of its error codes
 * ({@link SharedErrors}) with the envelope schema, an example per code and the headers those codes send
 * (Retry-After, WWW-Authenticate), X-Request-Id, Cache-Control and X-Content-Type-Options on every answer, and the credential its {@link Access} level needs.
 */
final class ResponseContract implements OperationCustomizer {

    static final String ENVELOPE = "ErrorEnvelope";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        documentSuccess(operation, handler);
        addErrorResponses(operation, SharedErrors.of(handler));
        operation.getResponses().values().forEach(response -> {
            addHeader(response, ResponseHeader.REQUEST_ID, true);
            SHARED_HEADERS.forEach(header -> addSharedHeader(response, header));
            addHeader(response, ResponseHeader.RATE_LIMIT, false);
            addHeader(response, ResponseHeader.RATE_LIMIT_POLICY, false);
        });
        documentSecurity(operation, handler);
        return operation;
    }

    /** The success statuses the handler answers with, each with the generated body, nothing else 2xx. */
    private static void documentSuccess(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        Map.Entry<String, ApiResponse> generated = responses.entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).findFirst().orElse(null);
        if (generated == null) {
            return;
        }
        @Nullable ApiSuccess success = handler.getMethodAnnotation(ApiSuccess.class);
        List<HttpStatus> statuses = success != null && success.statuses().length > 0
                ? List.of(success.statuses()) : List.of(declaredStatus(handler));
        Map<String, ApiResponse> others = new LinkedHashMap<>(responses);
        others.keySet().removeIf(code -> code.startsWith("2"));
        responses.clear();
        for (HttpStatus status : statuses) {
            ApiResponse response = statuses.size() == 1 ? generated.getValue() : copyOf(generated.getValue());
            if (statuses.size() > 1 || response.getDescription() == null || response.getDescription().isBlank()
                    || response.getDescription().equals(HttpStatus.OK.getReasonPhrase())) {
                response.setDescription(status.getReasonPhrase());
            }
            if (success != null) {
                for (ResponseHeader header : success.headers()) {
                    addHeader(response, header, true);
                }
            }
            responses.addApiResponse(Integer.toString(status.value()), response);
        }
        responses.putAll(others);
    }

    /** The status of {@code @ResponseStatus} on the handler, 200 without one. */
    static HttpStatus declaredStatus(HandlerMethod handler) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                ResponseStatus.class);
        return declared == null ? HttpStatus.OK : declared.code();
    }

    private static ApiResponse copyOf(ApiResponse response) {
        return new ApiResponse().description(response.getDescription()).content(response.getContent())
                .headers(response.getHeaders() == null ? null : new LinkedHashMap<>(response.getHeaders()));
    }

    private static void addErrorResponses(Operation operation, Set<ErrorCode> codes) {
        Map<Integer, Set<ErrorCode>> byStatus = codes.stream().collect(
                Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toCollection(
                        () -> EnumSet.noneOf(ErrorCode.class))));
        byStatus.forEach((status, group) -> operation.getResponses().addApiResponse(Integer.toString(status),
                errorResponse(group)));
    }

    private static ApiResponse errorResponse(Set<ErrorCode> codes) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ENVELOPE));
        codes.forEach(code -> media.addExamples(code.name(),
                new Example().$ref("#/components/examples/" + code.name())));
        String description = "Error codes: " + codes.stream().map(Enum::name).collect(Collectors.joining(", "));
        ApiResponse response = new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, media));
        long withRetryAfter = codes.stream().filter(c -> c.defaultRetryAfterSeconds() != null).count();
        if (withRetryAfter > 0) {
            addHeader(response, ResponseHeader.RETRY_AFTER, withRetryAfter == codes.size());
        }
        long challenged = codes.stream().filter(c -> c.challenge() != null).count();
        if (challenged > 0) {
            addHeader(response, ResponseHeader.WWW_AUTHENTICATE, challenged == codes.size());
        }
        return response;
    }

    /** The example envelope of every error code, referenced by the error responses. */
    static Map<String, Example> examples() {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            examples.put(code.name(), new Example().summary(code.title()).value(example(code)));
        }
        return examples;
    }

    /** An envelope as the service writes it for {@code code} (without template arguments). */
    static Map<String, Object> example(ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        String requestId = "6f1c2b3a9d0e4f5a8b7c6d5e4f3a2b1c";
        body.put("success", false);
        body.put("error", code.message());
        body.put("error_code", code.name());
        body.put("status", code.httpStatus());
        body.put("request_id", requestId);
        body.put("details", Map.of());
        // ordered like the answers' recovery blocks, so the generated document is the same on every run
        Map<String, Object> recovery = new LinkedHashMap<>();
        recovery.put("action", code.recovery().action());
        recovery.put("related_tools", code.recovery().relatedTools());
        recovery.put("workflow", code.recovery().workflow());
        body.put("recovery", recovery);
        body.put("type", code.typeUrn());
        body.put("title", code.title());
        body.put("detail", code.message());
        body.put("instance", "urn:govflow:request:" + requestId);
        return body;
    }

    /** Headers of every answer that do not vary: declared once under components/headers and referenced. */
    static final List<ResponseHeader> SHARED_HEADERS = List.of(ResponseHeader.CACHE_CONTROL,
            ResponseHeader.CONTENT_TYPE_OPTIONS);

    static Map<String, Header> sharedHeaders() {
        Map<String, Header> headers = new LinkedHashMap<>();
        SHARED_HEADERS.forEach(header -> headers.put(header.headerName(), header.toHeader(true)));
        return headers;
    }

    private static void addSharedHeader(ApiResponse response, ResponseHeader header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(header.headerName())) {
            response.addHeaderObject(header.headerName(),
                    new Header().$ref("#/components/headers/" + header.headerName()));
        }
    }

    private static void addHeader(ApiResponse response, ResponseHeader header, boolean required) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(header.headerName())) {
            response.addHeaderObject(header.headerName(), header.toHeader(required));
        }
    }

    /**
     * Registration takes the admin token or no credential at all (an empty alternative, so generated clients
     * send none when none is set); anonymous endpoints take none; every other one the bearer scheme.
     */
    private static void documentSecurity(Operation operation, HandlerMethod handler) {
        @Nullable Access access = handler.getMethodAnnotation(Access.class);
        Access.Level level = access == null ? Access.Level.ANONYMOUS : access.value();
        List<SecurityRequirement> security = new ArrayList<>();
        switch (level) {
            case ANONYMOUS -> { }
            case REGISTRATION -> {
                security.add(new SecurityRequirement());
                security.add(new SecurityRequirement().addList(BEARER));
            }
            default -> security.add(new SecurityRequirement().addList(BEARER));
        }
        operation.setSecurity(security);
    }
}
