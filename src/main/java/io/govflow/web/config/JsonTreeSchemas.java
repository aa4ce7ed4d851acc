package io.govflow.web.config;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents JSON trees (records served exactly as their files hold them, free-form metrics) as plain JSON values
 * in OpenAPI, instead of the tree classes' own getters.
 */
@Configuration(proxyBeanMethods = false)
public class JsonTreeSchemas {

    static {
        SpringDocUtils.getConfig()
                .replaceWithClass(JsonNode.class, Object.class)
                .replaceWithClass(ObjectNode.class, Object.class)
                .replaceWithClass(ArrayNode.class, Object.class);
    }
}
