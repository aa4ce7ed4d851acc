package io.govflow.web.error;

import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The container's {@code /error} path (errors raised in filters or by sendError) answers with the envelope. */
@Hidden
@RestController
public class EnvelopeErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<Object> error(HttpServletRequest request) {
        String requestId = RequestIds.of(request);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof GovflowException govflow) {
            return ErrorResponses.response(govflow, requestId);
        }
        ErrorCode code = SpringErrorMapping.byStatus(status(request)).code();
        if (exception instanceof Throwable t) {
            ApiExceptionHandler.logFailure(code, requestId, t);
        }
        return ErrorResponses.response(code, ErrorResponses.envelope(code, code.message(), Map.of(), requestId), null,
                null);
    }

    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }
}
