package io.govflow.web.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Schemas of records as the service writes them: every component not marked {@link Nullable} is always sent, so
 * it is {@code required}; a nullable one that Jackson writes even when null also admits {@code null}. The packages
 * are {@code @NullMarked}, so a record's nullness is exact. Request records follow the same rule (their
 * non-nullable components are the {@code @NotNull} ones).
 */
final class RecordSchemas implements ModelConverter {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (!raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            Map<String, Schema> defined = context.getDefinedModels();
            model = defined.get(name);
        }
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return resolved;
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void describe(Class<?> record, Schema model) {
        Map<String, Schema> properties = model.getProperties();
        List<String> required = model.getRequired() == null ? new ArrayList<>() : new ArrayList<>(model.getRequired());
        boolean recordOmitsNulls = omitsNulls(record.getAnnotation(JsonInclude.class));
        for (RecordComponent component : record.getRecordComponents()) {
            if (annotation(record, component, JsonIgnore.class) != null) {
                continue;
            }
            String name = jsonName(record, component);
            Schema property = properties.get(name);
            if (property == null) {
                continue;
            }
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (!nullable) {
                if (!required.contains(name)) {
                    required.add(name);
                }
            } else if (!recordOmitsNulls && !omitsNulls(annotation(record, component, JsonInclude.class))
                    && property.get$ref() == null) {
                Set<String> types = property.getTypes() == null ? new LinkedHashSet<>()
                        : new LinkedHashSet<>(property.getTypes());
                if (types.isEmpty() && property.getType() != null) {
                    types.add(property.getType());
                }
                if (!types.isEmpty()) {
                    types.add("null");
                    property.setTypes(types);
                }
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    private static boolean omitsNulls(@Nullable JsonInclude include) {
        return include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    /**
     * A Jackson annotation written on a record component: Jackson's annotations do not target record components,
     * so Java keeps them on the field (and the accessor).
     */
    private static <A extends Annotation> @Nullable A annotation(Class<?> record, RecordComponent component,
            Class<A> type) {
        try {
            A onField = record.getDeclaredField(component.getName()).getAnnotation(type);
            return onField != null ? onField : component.getAccessor().getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return component.getAccessor().getAnnotation(type);
        }
    }

    private static String jsonName(Class<?> record, RecordComponent component) {
        JsonProperty property = annotation(record, component, JsonProperty.class);
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        return SNAKE.translate(component.getName());
    }
}
