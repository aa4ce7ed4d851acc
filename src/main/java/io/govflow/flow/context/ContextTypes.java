package io.govflow.flow.context;

import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.context.ContextFileNames;

/**
 * Type names ({@code ^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){0,5}$}, at most 100 characters, last segment not
 * {@code prev}) and the service-maintained namespace {@code governance.*}, which clients never write.
 */
public final class ContextTypes {

    public static final String STATE = "governance.state";
    public static final String HISTORY = "governance.history";
    public static final String KNOWLEDGE = "governance.knowledge";
    public static final String DIALECTIC = "governance.dialectic";
    private static final String SERVICE_NAMESPACE = "governance";

    private ContextTypes() {
    }

    public static String requireValid(String type) {
        return ContextFileNames.requireType(type);
    }

    public static boolean isValid(String type) {
        return ContextFileNames.isValidType(type);
    }

    public static boolean serviceMaintained(String type) {
        return type.equals(SERVICE_NAMESPACE) || type.startsWith(SERVICE_NAMESPACE + ".");
    }

    /** A client write of a service-maintained type. */
    static GovflowException notWritable() {
        return GovflowException.withDetails(ErrorCode.INVALID_CONTEXT_TYPE,
                Map.of("reason", "governance.* documents are maintained by the service and cannot be written"));
    }

    static String firstSegment(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    static String lastSegment(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
