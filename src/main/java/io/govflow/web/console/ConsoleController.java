package io.govflow.web.console;

import java.util.Map;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.web.auth.Access;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the console's files from {@code static/console/} in the jar: the page at {@code /console} and
 * {@code /console/}, and its scripts and stylesheets by plain file name. Anonymous, because the files hold no data;
 * the page asks for a credential before it calls the API. Names are matched against a pattern before any lookup,
 * so no request can reach another resource of the class path. The content security policy of these answers is set
 * by {@code SecurityHeadersFilter}.
 */
@Hidden
@RestController
public class ConsoleController {

    /** Where the files are, on the class path. */
    static final String LOCATION = "static/console/";

    private static final Pattern ASSET_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(js|css)");
    private static final Map<String, MediaType> TYPES = Map.of("js",
            MediaType.parseMediaType("text/javascript;charset=UTF-8"), "css",
            MediaType.parseMediaType("text/css;charset=UTF-8"));

    @GetMapping({ "/console", "/console/" })
    @Access(Access.Level.ANONYMOUS)
    public ResponseEntity<Resource> page() {
        return file("index.html", MediaType.parseMediaType("text/html;charset=UTF-8"));
    }

    @GetMapping("/console/{asset}")
    @Access(Access.Level.ANONYMOUS)
    public ResponseEntity<Resource> asset(@PathVariable String asset) {
        if (!ASSET_NAME.matcher(asset).matches()) {
            throw new GovflowException(ErrorCode.ROUTE_NOT_FOUND);
        }
        String extension = asset.substring(asset.lastIndexOf('.') + 1);
        return file(asset, TYPES.get(extension));
    }

    private static ResponseEntity<Resource> file(String name, MediaType type) {
        Resource resource = new ClassPathResource(LOCATION + name, ConsoleController.class.getClassLoader());
        if (!resource.isReadable()) {
            throw new GovflowException(ErrorCode.ROUTE_NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(type).body(resource);
    }
}
