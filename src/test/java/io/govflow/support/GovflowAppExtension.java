package io.govflow.support;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Runs the application of a {@link GovflowApp} class; see there for what it does. */
final class GovflowAppExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(GovflowAppExtension.class);
    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    /** The application of one class; {@code owner} is the class that started it (not a nested one). */
    private record Started(Class<?> owner, Path root, Path dataDir, RunningApp app, ApiClient client) {
    }

    /** What a field or parameter receives, by its type. */
    private enum Kind {
        APP, CLIENT, DATA_DIR;

        static @Nullable Kind of(Class<?> type, boolean annotatedDataDir) {
            if (type == RunningApp.class) {
                return APP;
            }
            if (type == ApiClient.class) {
                return CLIENT;
            }
            return type == Path.class && annotatedDataDir ? DATA_DIR : null;
        }

        Object valueIn(Started started) {
            return switch (this) {
                case APP -> started.app();
                case CLIENT -> started.client();
                case DATA_DIR -> started.dataDir();
            };
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Class<?> testClass = context.getRequiredTestClass();
        @Nullable Started started = find(context);
        if (started == null) {
            started = start(testClass);
            context.getStore(NAMESPACE).put(Started.class, started);
        }
        inject(testClass, null, started);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        inject(testInstance.getClass(), testInstance, required(context));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        @Nullable Started started = find(context);
        if (started == null || started.owner() != context.getRequiredTestClass()) {
            return;
        }
        try {
            started.app().close();
        } finally {
            delete(started.root());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return Kind.of(parameter.getParameter().getType(), parameter.isAnnotated(DataDir.class)) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        @Nullable Kind kind = Kind.of(parameter.getParameter().getType(), parameter.isAnnotated(DataDir.class));
        if (kind == null) {
            throw new ExtensionConfigurationException("not a GovflowApp parameter: " + parameter.getParameter());
        }
        return kind.valueIn(required(context));
    }

    private static Started start(Class<?> testClass) throws IOException {
        GovflowApp config = AnnotationSupport.findAnnotation(testClass, GovflowApp.class).orElseThrow(
                () -> new ExtensionConfigurationException(testClass.getName() + " is not annotated @GovflowApp"));
        Path root = Files.createTempDirectory("govflow-app-");
        Path dataDir = root.resolve("data");
        try {
            if (config.fixture().isBlank()) {
                Files.createDirectory(dataDir);
            } else {
                TestFiles.copyFixtureAs(config.fixture(), dataDir);
            }
            for (Method method : ReflectionSupport.findMethods(testClass,
                    m -> AnnotationSupport.isAnnotated(m, BeforeAppStart.class), HierarchyTraversalMode.TOP_DOWN)) {
                runBeforeStart(method, dataDir);
            }
            RunningApp app = RunningApp.start(dataDir, arguments(config));
            return new Started(testClass, root, dataDir, app, app.client());
        } catch (RuntimeException | IOException | Error e) {
            try {
                delete(root);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static String[] arguments(GovflowApp config) {
        List<String> arguments = new ArrayList<>();
        if (config.sources().length > 0) {
            arguments.add("--spring.main.sources="
                    + Arrays.stream(config.sources()).map(Class::getName).collect(Collectors.joining(",")));
        }
        arguments.addAll(List.of(config.args()));
        return arguments.toArray(String[]::new);
    }

    private static void runBeforeStart(Method method, Path dataDir) {
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new ExtensionConfigurationException("@BeforeAppStart method must be static: " + method);
        }
        Object[] args = method.getParameterCount() == 0 ? new Object[0] : new Object[] {dataDir};
        ReflectionSupport.invokeMethod(method, null, args);
    }

    /** Fills the injectable fields: the static ones when {@code instance} is null, else the instance's. */
    private static void inject(Class<?> testClass, @Nullable Object instance, Started started) {
        boolean statics = instance == null;
        for (Field field : ReflectionSupport.findFields(testClass,
                f -> Modifier.isStatic(f.getModifiers()) == statics && !Modifier.isFinal(f.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN)) {
            @Nullable Kind kind = Kind.of(field.getType(), field.isAnnotationPresent(DataDir.class));
            if (kind == null) {
                continue;
            }
            try {
                field.setAccessible(true);
                field.set(instance, kind.valueIn(started));
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("cannot set " + field, e);
            }
        }
    }

    private static @Nullable Started find(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Started.class, Started.class);
    }

    private static Started required(ExtensionContext context) {
        @Nullable Started started = find(context);
        if (started == null) {
            throw new ExtensionConfigurationException("the GovflowApp application is not started");
        }
        return started;
    }

    /** Deletes the tree, making directories the tests left unreadable or unwritable accessible first. */
    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, OWNER_ALL);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
