package io.govflow.web.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.web.limit.PayloadTooLargeException;
import io.govflow.web.limit.RequestTimeoutException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps Spring MVC's and Jackson's exceptions onto error codes and safe field-level details. */
final class SpringErrorMapping {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    record Mapped(ErrorCode code, String message, Map<String, Object> details) {
        static Mapped of(ErrorCode code) {
            return new Mapped(code, code.message(), Map.of());
        }

        static Mapped fields(List<Map<String, String>> fields) {
            ErrorCode code = ErrorCode.VALIDATION_FAILED;
            return new Mapped(code, code.message(), Map.of("fields", fields));
        }

        static Mapped tooLarge(long limitBytes) {
            ErrorCode code = ErrorCode.PAYLOAD_TOO_LARGE;
            return limitBytes > 0 ? new Mapped(code, code.message(limitBytes + " bytes"), Map.of()) : of(code);
        }
    }

    private SpringErrorMapping() {
    }

    static Mapped map(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return Mapped.of(ErrorCode.ROUTE_NOT_FOUND);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return Mapped.of(ErrorCode.METHOD_NOT_ALLOWED);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return Mapped.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return Mapped.of(ErrorCode.NOT_ACCEPTABLE);
        }
        if (ex instanceof MaxUploadSizeExceededException tooLarge) {
            return Mapped.tooLarge(tooLarge.getMaxUploadSize());
        }
        if (ex instanceof HttpMessageNotReadableException || ex instanceof JacksonException) {
            return unreadable(ex);
        }
        if (ex instanceof BindException bind) {
            return Mapped.fields(bindFields(bind));
        }
        if (ex instanceof HandlerMethodValidationException validation) {
            return Mapped.fields(methodFields(validation));
        }
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            return Mapped.fields(ApiExceptionHandler.field(safe(mismatch.getName()), "has the wrong type"));
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return Mapped.fields(ApiExceptionHandler.field(safe(mismatch.getPropertyName()), "has the wrong type"));
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return Mapped.fields(ApiExceptionHandler.field(safe(missing.getParameterName()), "is required"));
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            return Mapped.fields(ApiExceptionHandler.field(safe(missing.getHeaderName()), "header is required"));
        }
        return byStatus(status.value());
    }

    static Mapped byStatus(int status) {
        return Mapped.of(switch (status) {
            case 400 -> ErrorCode.VALIDATION_FAILED;
            case 401 -> ErrorCode.AUTHENTICATION_REQUIRED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.ROUTE_NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ErrorCode.INTERNAL_ERROR;
        });
    }

    private static Mapped unreadable(Exception ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return Mapped.tooLarge(tooLarge.limitBytes());
            }
            if (t instanceof RequestTimeoutException) {
                return Mapped.of(ErrorCode.REQUEST_TIMEOUT);
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                return Mapped.fields(ApiExceptionHandler.field(safe(unknown.getPropertyName()), "is not a known field"));
            }
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return Mapped.fields(ApiExceptionHandler.field(path(mismatch), "has the wrong type or value"));
            }
            if (t instanceof StreamReadException) {
                return Mapped.of(ErrorCode.MALFORMED_JSON);
            }
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                return Mapped.fields(ApiExceptionHandler.field(path(databind), "has an invalid value"));
            }
        }
        return Mapped.of(ErrorCode.MALFORMED_JSON);
    }

    private static String path(DatabindException ex) {
        StringBuilder out = new StringBuilder();
        for (DatabindException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(safe(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(body)" : out.toString();
    }

    private static List<Map<String, String>> bindFields(BindException bind) {
        List<Map<String, String>> fields = new ArrayList<>();
        for (FieldError error : bind.getFieldErrors()) {
            fields.add(Map.of("field", snake(error.getField()), "problem", problem(error.getCode())));
        }
        bind.getGlobalErrors().forEach(e -> fields.add(Map.of("field", "(body)", "problem", problem(e.getCode()))));
        return fields;
    }

    private static List<Map<String, String>> methodFields(HandlerMethodValidationException ex) {
        List<Map<String, String>> fields = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> fields.add(Map.of("field",
                    name == null ? "(parameter)" : snake(name), "problem", problem(lastCode(error.getCodes())))));
        });
        return fields;
    }

    private static String lastCode(String[] codes) {
        return codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
    }

    /** Fixed wording per constraint; the constraint's own message could echo input. */
    static String problem(String constraint) {
        if (constraint == null) {
            return "is invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "is required";
            case "Size" -> "has the wrong length or size";
            case "Min", "DecimalMin", "Max", "DecimalMax", "Range", "Positive", "PositiveOrZero" -> "is out of range";
            case "Pattern" -> "has characters or a format that is not allowed";
            default -> "is invalid";
        };
    }

    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String safe(String name) {
        return name != null && SAFE_NAME.matcher(name).matches() ? name : "(unrecognized)";
    }
}
