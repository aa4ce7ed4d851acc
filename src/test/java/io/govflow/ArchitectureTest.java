package io.govflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import architecture.fixture.cli.FixtureTool;
import architecture.fixture.engine.EngineCallingFlow;
import architecture.fixture.engine.EngineReadingPath;
import architecture.fixture.engine.EngineUsingJackson2;
import architecture.fixture.engine.EngineUsingJackson3;
import architecture.fixture.engine.EngineUsingSpring;
import architecture.fixture.engine.PureEngine;
import architecture.fixture.flow.FlowReadingFiles;
import architecture.fixture.flow.FlowUsingWeb;
import architecture.fixture.flow.FixtureService;
import architecture.fixture.ops.FixtureProbe;
import architecture.fixture.store.FixtureRepository;
import architecture.fixture.store.StoreUsingFlow;
import architecture.fixture.web.ControllerCallingEngine;
import architecture.fixture.web.ControllerCallingFlow;
import architecture.fixture.web.ControllerCallingStore;
import architecture.fixture.web.FixtureResponse;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.stereotype.Controller;

/**
 * The layering of {@code 00-overview.md} as executable rules. Each rule is a function of a root package: it runs
 * once against the main classes under {@code io.govflow}, and once against the deliberately violating classes of
 * the test sources under {@code architecture.fixture}, where it must name each offender (and no well-behaved
 * class), so a rule that silently stopped matching anything fails here instead of passing forever.
 */
class ArchitectureTest {

    private static final String MAIN_ROOT = "io.govflow";
    /** Outside {@code io.govflow}, so the application's component scan never meets the fixture controllers. */
    private static final String FIXTURE_ROOT = "architecture.fixture";

    /**
     * Dependencies point down: web, cli and ops (the entry points) → flow → engine and store. Nothing depends on
     * an entry point, engine and store never depend on flow, and the engine and the store are independent of each
     * other (the engine stays pure, the store stays free of governance rules). Packages in no layer ({@code config},
     * {@code error}, the application class) are shared and not checked here.
     */
    static ArchRule layersPointDown(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy(root + ".web..")
                .layer("cli").definedBy(root + ".cli..")
                .layer("ops").definedBy(root + ".ops..")
                .layer("flow").definedBy(root + ".flow..")
                .layer("engine").definedBy(root + ".engine..")
                .layer("store").definedBy(root + ".store..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ops").mayNotBeAccessedByAnyLayer()
                .whereLayer("flow").mayOnlyBeAccessedByLayers("web", "cli", "ops")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("web", "flow")
                .whereLayer("store").mayOnlyBeAccessedByLayers("web", "cli", "ops", "flow");
    }

    /** The engine is plain Java: no Spring, no Jackson (2 or 3), no file system. */
    static ArchRule engineIsPure(String root) {
        return noClasses().that().resideInAPackage(root + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml.jackson..", "java.nio.file..")
                .as("the engine has no Spring, Jackson or java.nio.file dependency");
    }

    /**
     * Only the store touches {@link Files}. The command-line tools may too: they check the directory named on the
     * command line before any Spring context (and so any store bean) exists, to answer a usage error quickly.
     */
    static ArchRule onlyStoreTouchesFiles(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".store..", root + ".cli..")
                .should().dependOnClassesThat().belongToAnyOf(Files.class)
                .as("only the store (and the command-line tools' argument checks) use java.nio.file.Files");
    }

    /**
     * Controllers ({@code @Controller}, and so {@code @RestController}) call flow services only. Read precisely:
     * a controller never calls a method or constructor of, nor reads a field of, a store or engine class. It may
     * hold a value of such a type that a flow service returned and hand it on unopened (to a response record's
     * factory in the web layer, which maps it to the wire); using flow-layer records freely is fine.
     */
    static ArchRule controllersCallFlowOnly(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().areMetaAnnotatedWith(Controller.class)
                .should().accessClassesThat().resideInAnyPackage(root + ".store..", root + ".engine..")
                .as("controllers call flow services only, never store or engine classes");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class MainCode {

        private JavaClasses main;

        @BeforeAll
        void importMainClasses() {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(MAIN_ROOT);
        }

        @Test
        void importsTheMainClassesOnly() {
            assertThat(main.containPackage(MAIN_ROOT + ".engine")).isTrue();
            assertThat(main.containPackage(MAIN_ROOT + ".web.agent")).isTrue();
            assertThat(main.contain(ArchitectureTest.class)).as("test classes are left out").isFalse();
        }

        @Test
        void layersPointDown() {
            ArchitectureTest.layersPointDown(MAIN_ROOT).check(main);
        }

        @Test
        void engineIsPure() {
            ArchitectureTest.engineIsPure(MAIN_ROOT).check(main);
        }

        @Test
        void onlyStoreTouchesFiles() {
            ArchitectureTest.onlyStoreTouchesFiles(MAIN_ROOT).check(main);
        }

        @Test
        void controllersCallFlowOnly() {
            ArchitectureTest.controllersCallFlowOnly(MAIN_ROOT).check(main);
        }
    }

    /** Each rule reports the fixture classes written to break it, and only those. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Fixtures {

        private JavaClasses fixtures;

        @BeforeAll
        void importFixtures() {
            fixtures = new ClassFileImporter().importPackages(FIXTURE_ROOT);
        }

        @Test
        void upwardDependenciesAreReported() {
            EvaluationResult result = layersPointDown(FIXTURE_ROOT).evaluate(fixtures);

            assertReports(result, StoreUsingFlow.class, EngineCallingFlow.class, FlowUsingWeb.class);
            assertSpares(result, ControllerCallingFlow.class, FixtureTool.class, FixtureProbe.class,
                    FixtureService.class, PureEngine.class, FixtureRepository.class);
        }

        @Test
        void springJacksonAndFileSystemInTheEngineAreReported() {
            EvaluationResult result = engineIsPure(FIXTURE_ROOT).evaluate(fixtures);

            assertReports(result, EngineUsingSpring.class, EngineUsingJackson3.class, EngineUsingJackson2.class,
                    EngineReadingPath.class);
            assertSpares(result, PureEngine.class, EngineCallingFlow.class);
        }

        @Test
        void filesOutsideTheStoreAreReported() {
            EvaluationResult result = onlyStoreTouchesFiles(FIXTURE_ROOT).evaluate(fixtures);

            assertReports(result, FlowReadingFiles.class, FixtureProbe.class);
            assertSpares(result, FixtureRepository.class, FixtureTool.class);
        }

        @Test
        void controllersCallingStoreOrEngineAreReported() {
            EvaluationResult result = controllersCallFlowOnly(FIXTURE_ROOT).evaluate(fixtures);

            assertReports(result, ControllerCallingStore.class, ControllerCallingEngine.class);
            assertSpares(result, ControllerCallingFlow.class, FixtureResponse.class);
        }

        private static void assertReports(EvaluationResult result, Class<?>... offenders) {
            assertThat(result.hasViolation()).as("the rule reports a violation").isTrue();
            List<String> details = result.getFailureReport().getDetails();
            for (Class<?> offender : offenders) {
                assertThat(details).as("violations blaming %s", offender.getSimpleName())
                        .anyMatch(line -> blames(line, offender));
            }
        }

        private static void assertSpares(EvaluationResult result, Class<?>... innocent) {
            List<String> details = result.getFailureReport().getDetails();
            for (Class<?> clean : innocent) {
                assertThat(details).as("violations blaming %s", clean.getSimpleName())
                        .noneMatch(line -> blames(line, clean));
            }
        }

        /** The line's first class, the origin of the dependency or access, is this one (and not a longer name). */
        private static boolean blames(String line, Class<?> type) {
            int start = line.indexOf('<') + 1;
            int end = start + type.getName().length();
            return start > 0 && line.startsWith(type.getName(), start) && end < line.length()
                    && ".>".indexOf(line.charAt(end)) >= 0;
        }
    }
}
