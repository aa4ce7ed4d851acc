package io.govflow.web.limit;

import io.govflow.config.GovflowProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes {@code govflow.http.read-deadline} the connector's wait for any single read (request line, headers, body
 * and the next request on a kept-alive connection), so a client that stops sending frees its thread at the
 * deadline; {@link RequestBodyLimitFilter} bounds the whole body, and {@link UnreadBodyValve} keeps the connector
 * from draining a refused body afterwards.
 */
@Component
public class ReadDeadlineCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int readDeadlineMillis;

    public ReadDeadlineCustomizer(GovflowProperties properties) {
        this.readDeadlineMillis = (int) Math.min(Integer.MAX_VALUE, properties.http().readDeadline().toMillis());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("connectionTimeout",
                Integer.toString(readDeadlineMillis)));
        factory.addContextCustomizers(context -> context.getPipeline().addValve(new UnreadBodyValve()));
    }
}
