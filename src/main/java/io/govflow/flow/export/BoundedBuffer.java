package io.govflow.flow.export;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/** Collects an inline document and stops with {@code EXPORT_TOO_LARGE} as soon as it passes the limit. */
final class BoundedBuffer extends ByteArrayOutputStream {

    private final int limit;
    private final String downloadPath;

    BoundedBuffer(int limit, String downloadPath) {
        super(64 * 1024);
        this.limit = limit;
        this.downloadPath = downloadPath;
    }

    @Override
    public synchronized void write(int b) {
        ensure(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ensure(len);
        super.write(b, off, len);
    }

    private void ensure(int more) {
        if ((long) count + more > limit) {
            throw GovflowException.withDetails(ErrorCode.EXPORT_TOO_LARGE,
                    Map.of("limit_bytes", limit, "download", downloadPath));
        }
    }
}
