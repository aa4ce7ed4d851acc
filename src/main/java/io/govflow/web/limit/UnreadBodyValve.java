package io.govflow.web.limit;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a request refused for its body (408: it did not arrive in time; 413: it is too large), tells the
 * connector not to read the rest of it and to close the connection once the answer is sent. Otherwise the
 * connector drains the unread body to keep the connection alive, and a client that trickles would hold the
 * worker thread for as long as it keeps sending.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        int status = response.getStatus();
        // a failed read has already made the connector close the connection without draining, and answer itself
        if ((status == 408 || status == 413) && !response.isError()) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            // that marks the exchange as failed; its answer is already written, so no error page may follow it
            response.setErrorReported();
        }
    }
}
