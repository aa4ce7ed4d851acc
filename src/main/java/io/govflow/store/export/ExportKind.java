package io.govflow.store.export;

import java.util.Locale;
import java.util.Optional;

/** The two export directories: history-only documents in {@code history/}, complete packages in {@code exports/}. */
public enum ExportKind {
    HISTORY("history", "history"),
    PACKAGE("package", "exports");

    private final String wire;
    private final String directory;

    ExportKind(String wire, String directory) {
        this.wire = wire;
        this.directory = directory;
    }

    public String wire() {
        return wire;
    }

    /** The directory name under the data directory. */
    public String directory() {
        return directory;
    }

    public static Optional<ExportKind> parse(String value) {
        for (ExportKind kind : values()) {
            if (kind.wire.equals(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
