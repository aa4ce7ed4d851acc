# Govflow image from the Boot jar that `./mvnw package` built (no Maven and no network in here):
#   ./mvnw -B package -DskipTests
#   docker build -t govflow .                                     # on Temurin (pulls the base)
#   docker build --build-arg BASE_IMAGE=local/jre:17 -t govflow .  # offline, see docker/build-base-image.sh
# The base needs a Java 17+ runtime, /bin/sh and useradd (Debian/Ubuntu based JRE images).
ARG BASE_IMAGE=eclipse-temurin:21-jre

# --- stage 1: split the jar into layers that change at different rates ---------------------------
FROM ${BASE_IMAGE} AS layers
# marks the throwaway stage, so it can be pruned: docker image prune --filter label=io.govflow.stage=layers
LABEL io.govflow.stage=layers
WORKDIR /build
COPY target/govflow.jar govflow.jar
RUN java -Djarmode=tools -jar govflow.jar extract --layers --launcher --destination extracted \
 && mkdir -p extracted/dependencies extracted/spring-boot-loader \
             extracted/snapshot-dependencies extracted/application

# --- stage 2: runtime ---------------------------------------------------------------------------
FROM ${BASE_IMAGE}

RUN groupadd --system --gid 10001 govflow \
 && useradd --system --uid 10001 --gid govflow --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin govflow \
 && mkdir -p /app/data \
 && chown govflow:govflow /app/data

WORKDIR /app
# Least volatile first, so a code change only rebuilds the last layer. The code stays owned by root.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./

ENV GOVFLOW_DATA_DIR=/app/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /app/data
EXPOSE 8080
USER govflow:govflow

# The probe is a JDK-only class run from the app's classes in a small JVM: minimal bases have no curl.
HEALTHCHECK --interval=15s --timeout=10s --start-period=90s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-XX:-UsePerfData", \
       "-cp", "/app/BOOT-INF/classes", "io.govflow.ops.HealthProbe"]

# exec: java becomes PID 1 and receives SIGTERM for the graceful shutdown.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "govflow"]
