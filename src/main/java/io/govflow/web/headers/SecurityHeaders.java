package io.govflow.web.headers;

import java.util.function.BiConsumer;

/**
 * The headers every answer carries: answers hold keys, agent state and private documents, so no cache keeps them,
 * and no browser guesses a type other than the declared one. Swagger UI's page also gets a content security
 * policy that lets it load only its own files and call only this server; the console gets a stricter one and sends
 * no referrer.
 */
public final class SecurityHeaders {

    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String NO_STORE = "no-store";
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String REFERRER_POLICY = "Referrer-Policy";
    public static final String NO_REFERRER = "no-referrer";

    /**
     * Swagger UI loads its scripts and stylesheets from this server and sets inline styles from its scripts; its
     * icons are data: URIs; its calls go to this server. No frames, plugins, forms elsewhere or inline scripts.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * The console loads only its own scripts and stylesheets (no inline script, no style attributes), shows charts
     * as images from blob: URLs, calls only this server, and can be neither framed nor made to post a form; the
     * page holds a typed-in credential, so nothing else may run in it.
     */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** Sets the headers of every answer through {@code setter} (a servlet or a Tomcat response). */
    public static void apply(BiConsumer<String, String> setter) {
        setter.accept(CACHE_CONTROL, NO_STORE);
        setter.accept(CONTENT_TYPE_OPTIONS, NOSNIFF);
    }

    /** Whether {@code path} (within the application) is a page or file of Swagger UI. */
    static boolean isSwaggerUi(String path) {
        return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
    }

    /** Whether {@code path} (within the application) is the console's page or one of its files. */
    static boolean isConsole(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }
}
