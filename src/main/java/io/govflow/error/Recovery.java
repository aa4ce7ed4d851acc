package io.govflow.error;

import java.util.List;

/**
 * What a client can do about an error: one action sentence, the OpenAPI operation ids that help, and the
 * numbered steps as one string.
 */
public record Recovery(String action, List<String> relatedTools, String workflow) {
}
