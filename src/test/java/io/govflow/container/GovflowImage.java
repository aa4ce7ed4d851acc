package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image built from the project's Dockerfile and packaged jar (once per test JVM), and containers of it
 * on a named data volume, published on 127.0.0.1 only.
 */
final class GovflowImage {

    static final int PORT = 8080;
    static final String DATA_DIR = "/app/data";
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** Base of the image under test; offline machines build {@code local/jre:17} with docker/build-base-image.sh. */
    static final String BASE_IMAGE = System.getProperty("base.image", "local/jre:17");

    private static final ImageFromDockerfile IMAGE = new ImageFromDockerfile(
            "govflow-it:" + UUID.randomUUID().toString().substring(0, 8), false)
            .withDockerfile(projectDir().resolve("Dockerfile"))
            .withBuildArg("BASE_IMAGE", BASE_IMAGE);

    static {
        // Testcontainers' deleteOnExit left the image behind with Ryuk off, so the tests remove it themselves
        Runtime.getRuntime().addShutdownHook(new Thread(GovflowImage::removeImage, "govflow-it-image-cleanup"));
    }

    private GovflowImage() {
    }

    /** Failsafe runs the tests in the project directory. */
    static Path projectDir() {
        return Path.of("").toAbsolutePath();
    }

    static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** Fails early with a hint instead of letting the build try to pull what is missing. */
    static void checkPrerequisites() {
        assertThat(projectDir().resolve("target/govflow.jar"))
                .as("the packaged jar (run the ITs with ./mvnw verify, after package)")
                .isRegularFile();
        if (BASE_IMAGE.startsWith("local/")) {
            assertThat(imageExists(BASE_IMAGE))
                    .as("base image %s (build it with docker/build-base-image.sh, or pass -Dbase.image=...)",
                            BASE_IMAGE)
                    .isTrue();
        }
    }

    /**
     * A container of the image with {@code volume} mounted on /app/data, the loop guard off (the tests
     * send updates faster than an agent would) and the operations endpoints open. Not started.
     */
    static GenericContainer<?> container(String volume, FailureLogs logs, String name) {
        checkPrerequisites();
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withExposedPorts(PORT)
                .withEnv("GOVFLOW_GOVERNANCE_LOOP_DETECTION", "false")
                // the image test scrapes prometheus without a credential
                .withEnv("GOVFLOW_SECURITY_OPEN_OPERATIONS", "true")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withBinds(new Bind(volume, new Volume(DATA_DIR)))
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT))))
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(PORT).forStatusCode(200)
                        .withStartupTimeout(STARTUP_TIMEOUT));
        logs.follow(name, container);
        return container;
    }

    static String baseUrl(GenericContainer<?> container) {
        return "http://127.0.0.1:" + container.getMappedPort(PORT);
    }

    static String createVolume() {
        String name = "govflow-it-data-" + UUID.randomUUID().toString().substring(0, 8);
        docker().createVolumeCmd().withName(name).exec();
        return name;
    }

    static void removeVolume(String name) {
        try {
            docker().removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** {@code docker stop}: SIGTERM, then the graceful shutdown, within {@code timeoutSeconds}. */
    static void stopGracefully(GenericContainer<?> container, int timeoutSeconds) {
        docker().stopContainerCmd(container.getContainerId()).withTimeout(timeoutSeconds).exec();
    }

    /** {@code docker kill}: SIGKILL, no shutdown hooks. */
    static void kill(GenericContainer<?> container) {
        docker().killContainerCmd(container.getContainerId()).exec();
    }

    /** Removes the image under test and the dangling first-stage images of this and compose's build. */
    private static void removeImage() {
        if (!IMAGE.isDone()) {
            return;
        }
        try {
            docker().removeImageCmd(IMAGE.get()).withForce(true).exec();
            docker().pruneCmd(PruneType.IMAGES).withDangling(true).withLabelFilter("io.govflow.stage=layers").exec();
        } catch (RuntimeException e) {
            System.err.println("could not remove the test images: " + e);
        }
    }

    static boolean imageExists(String image) {
        try {
            docker().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Waits for Docker's own health check (the image's HEALTHCHECK) to report {@code healthy}. */
    static void awaitDockerHealthy(String containerId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = "none";
        while (System.nanoTime() < deadline) {
            var health = docker().inspectContainerCmd(containerId).exec().getState().getHealth();
            status = health == null ? "none" : health.getStatus();
            if ("healthy".equals(status)) {
                return;
            }
            Thread.sleep(1000);
        }
        assertThat(status).as("Docker health status of %s after %s", containerId, timeout).isEqualTo("healthy");
    }
}
