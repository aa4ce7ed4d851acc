package io.govflow.store.check;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The data timestamps of the seed: {@code YYYY-MM-DDTHH:MM:SS[.ffffff]} without a zone (ours always have six
 * fraction digits; the reference's may have fewer), and the file-name stamps {@code yyyyMMdd_HHmmss}.
 */
public final class IsoTimestamps {

    private static final Pattern DATA = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?");
    private static final Pattern FILE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})_(\\d{2})(\\d{2})(\\d{2})");

    private IsoTimestamps() {
    }

    public static boolean isData(String value) {
        if (!DATA.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether a {@code yyyyMMdd_HHmmss} stamp names a real date and time. */
    public static boolean isFileStamp(String value) {
        var m = FILE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        String iso = m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":" + m.group(5) + ":"
                + m.group(6);
        return isData(iso);
    }
}
