package io.govflow.store.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.check.IsoTimestamps;

/**
 * File names of exports. Automatic: {@code {agent_id}_history_{yyyyMMdd_HHmmss}.{json|csv}},
 * {@code {agent_id}_complete_package_{yyyyMMdd_HHmmss}.json}, {@code {agent_id}_significant_{yyyyMMdd_HHmmss}.json},
 * each with {@code _2}, {@code _3}, … before the extension when the name is taken. Custom: a stem
 * {@code ^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$} as {@code {stem}.{format}} or {@code {stem}_complete.json}.
 */
public final class ExportNames {

    public static final int MAX_STEM = 100;
    /** Suffixes tried for an automatic name before giving up ({@code _2} … {@code _999}). */
    static final int MAX_SUFFIX = 999;

    private static final Pattern STEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    /** Any name the service may serve or check: a safe stem of up to 200 characters and an extension. */
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,199}\\.(json|csv)");
    private static final Pattern AUTO_HISTORY = Pattern.compile(
            "(.+)_(history|significant)_(\\d{8}_\\d{6})(?:_(\\d+))?\\.(json|csv)");
    private static final Pattern AUTO_PACKAGE = Pattern.compile(
            "(.+)_complete_package_(\\d{8}_\\d{6})(?:_(\\d+))?\\.json");
    private static final Pattern STAMP_LIKE = Pattern.compile(
            ".*_(history|significant|complete_package)_\\d{6,}_\\d+(?:_\\d+)?\\.(json|csv)");

    private ExportNames() {
    }

    /** A custom stem from a request, or {@code INVALID_FILENAME}. */
    public static String requireStem(String stem) {
        if (!STEM.matcher(stem).matches()) {
            throw new GovflowException(ErrorCode.INVALID_FILENAME);
        }
        return stem;
    }

    /** A full file name from a request (download, validation), or {@code INVALID_FILENAME}. */
    public static String requireFileName(String fileName) {
        if (!FILE.matcher(fileName).matches()) {
            throw new GovflowException(ErrorCode.INVALID_FILENAME);
        }
        return fileName;
    }

    public static boolean isServable(String fileName) {
        return FILE.matcher(fileName).matches();
    }

    public static String custom(ExportKind kind, String stem, ExportFormat format) {
        return kind == ExportKind.PACKAGE ? stem + "_complete.json" : stem + "." + format.extension();
    }

    /** The automatic name and its {@code _2}, {@code _3}, … variants, in order (up to {@code _999}). */
    public static List<String> automatic(String base, ExportFormat format) {
        List<String> names = new ArrayList<>(MAX_SUFFIX);
        names.add(base + "." + format.extension());
        for (int n = 2; n <= MAX_SUFFIX; n++) {
            names.add(base + "_" + n + "." + format.extension());
        }
        return names;
    }

    public static String historyBase(String agentId, String fileStamp) {
        return agentId + "_history_" + fileStamp;
    }

    public static String packageBase(String agentId, String fileStamp) {
        return agentId + "_complete_package_" + fileStamp;
    }

    public static String significantBase(String agentId, String fileStamp) {
        return agentId + "_significant_" + fileStamp;
    }

    /**
     * How a file name in a kind's directory reads: an automatic name (with the agent id and whether its stamp is
     * a real time), a custom name, or no documented pattern.
     */
    public static NameCheck check(ExportKind kind, String fileName) {
        if (!FILE.matcher(fileName).matches()) {
            return NameCheck.UNDOCUMENTED;
        }
        Matcher auto = (kind == ExportKind.HISTORY ? AUTO_HISTORY : AUTO_PACKAGE).matcher(fileName);
        if (auto.matches()) {
            String stamp = kind == ExportKind.HISTORY ? auto.group(3) : auto.group(2);
            return new NameCheck(true, true, Optional.of(auto.group(1)), IsoTimestamps.isFileStamp(stamp));
        }
        if (STAMP_LIKE.matcher(fileName).matches()) {
            return new NameCheck(true, true, Optional.empty(), false);
        }
        boolean custom = kind == ExportKind.HISTORY || fileName.endsWith("_complete.json");
        return new NameCheck(custom, false, Optional.empty(), true);
    }

    /**
     * @param documented the name follows one of the patterns
     * @param automatic it is an automatic (timestamped) name
     * @param agentId the agent id an automatic name starts with
     * @param stampValid the file-name timestamp is a real time (true for custom names)
     */
    public record NameCheck(boolean documented, boolean automatic, Optional<String> agentId, boolean stampValid) {
        static final NameCheck UNDOCUMENTED = new NameCheck(false, false, Optional.empty(), true);
    }
}
