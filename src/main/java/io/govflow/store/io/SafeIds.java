package io.govflow.store.io;

import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * The store's last line of defence for ids that become file names: ASCII letters, digits, '_' and '-', at most
 * 64 characters. The web layer applies the stricter registration rules; this only guarantees that no id can
 * leave its directory.
 */
public final class SafeIds {

    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private SafeIds() {
    }

    public static String agentId(String id) {
        return require(id, ErrorCode.INVALID_AGENT_ID);
    }

    public static String sessionId(String id) {
        return require(id, ErrorCode.INVALID_SESSION_ID);
    }

    public static boolean isFileSafe(String id) {
        return FILE_SAFE.matcher(id).matches();
    }

    private static String require(String id, ErrorCode code) {
        if (!isFileSafe(id)) {
            throw new GovflowException(code);
        }
        return id;
    }
}
