package io.govflow.store.io;

/**
 * A file's content does not have the expected shape. Repositories turn it into {@code STATE_CORRUPT} or
 * {@code METADATA_CORRUPT}; the message is for logs only.
 */
public class FileFormatException extends RuntimeException {

    public FileFormatException(String message) {
        super(message);
    }

    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
