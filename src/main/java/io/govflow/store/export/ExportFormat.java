package io.govflow.store.export;

import java.util.Optional;

/** History formats. Complete packages exist only as JSON. */
public enum ExportFormat {
    JSON("json", "application/json"),
    CSV("csv", "text/csv");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** {@code json} or {@code csv}, exactly; anything else is not a format. */
    public static Optional<ExportFormat> parse(String value) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public static Optional<ExportFormat> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(fileName.substring(dot + 1));
    }
}
