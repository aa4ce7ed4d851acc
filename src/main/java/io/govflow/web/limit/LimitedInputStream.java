package io.govflow.web.limit;

import java.io.IOException;
import java.net.SocketTimeoutException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * Counts bytes read from the request and fails once the limit is passed (for bodies without Content-Length), and
 * fails once the read deadline has passed: checked before every read, so a client that sends a byte at a time is
 * cut off at the deadline, and a read that waited in vain for the connector's timeout counts as the same timeout.
 */
final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final long limit;
    private final long deadlineNanos;
    private long count;

    /** @param deadlineNanos the {@link System#nanoTime()} by which the body must have been read */
    LimitedInputStream(ServletInputStream delegate, long limit, long deadlineNanos) {
        this.delegate = delegate;
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read() throws IOException {
        checkDeadline();
        int b;
        try {
            b = delegate.read();
        } catch (IOException e) {
            throw timeoutOr(e);
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkDeadline();
        int n;
        try {
            n = delegate.read(buffer, offset, length);
        } catch (IOException e) {
            throw timeoutOr(e);
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void checkDeadline() throws RequestTimeoutException {
        if (!delegate.isFinished() && System.nanoTime() - deadlineNanos > 0) {
            throw new RequestTimeoutException();
        }
    }

    /** A read that failed because the connector's wait ran out is the request timing out, not the client leaving. */
    private static IOException timeoutOr(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return new RequestTimeoutException();
            }
        }
        return e;
    }

    private void count(int n) throws PayloadTooLargeException {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }
}
