# syntax=docker/dockerfile:1
# One image recipe for every Spring Boot module of the suite:
#
#   docker build --build-arg MODULE=grid-service --build-arg PORT=8081 -t tanchang-grid/grid-service .
#
# MODULE is the Maven module (registry, gateway, auth-server, console, grid-service, case-service, mediation-service,
# petition-service, notification-service); PORT is only documentation (EXPOSE) and the default port of the image's
# HEALTHCHECK: the process itself takes its port from its own variable (GRID_SERVICE_PORT, CONSOLE_PORT etc., see
# docs/conventions-for-builders.md).
# docker-compose.yml builds every module with this file. Needs BuildKit (the default builder of Docker Engine 23+
# and of `docker compose`) for the Maven cache mount.

# ---- build: the module and what it depends on, with the project's own Maven wrapper on JDK 17 -------------------
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
ARG VERSION=0.1.0-SNAPSHOT
WORKDIR /src
COPY . .
# The local repository lives in a cache mount: the nine images share one download of the dependencies, and the
# lock keeps parallel builds (compose builds several at once) from writing it at the same time.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    test -n "${MODULE}" || { echo "build with --build-arg MODULE=<maven module>" >&2; exit 1; }; \
    ./mvnw -B -q -pl "${MODULE}" -am package -DskipTests \
 && java -Djarmode=tools -jar "${MODULE}/target/${MODULE}-${VERSION}.jar" extract --layers --destination /extracted \
 && mv "/extracted/application/${MODULE}-${VERSION}.jar" /extracted/application/app.jar

# ---- runtime: Java 25 JRE, the extracted jar (one layer per kind of jar), an AOT cache, a non-root user --------------
FROM eclipse-temurin:25-jre
ARG MODULE
ARG PORT=8080
LABEL org.opencontainers.image.title="tanchang-grid ${MODULE}"

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
# Third-party jars change least, the suite's own modules (platform, contracts, the service) most.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./

# Ten JVMs share one small host: C1 only and the serial collector start fastest and use the least memory at this
# load; the heap follows the container's memory limit. Override per container if a service needs more.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError" \
    APP_PORT=${PORT}

# Java 25 AOT cache (JEP 483/514/515): a training run starts the application context and exits once it is refreshed;
# the cache halves the start-up (measured for grid-service on these machines: 3.5-4.4 s -> 1.8-1.9 s). Nothing is
# reachable during the build: the Kafka admin must not wait 30 s for a broker, index creation must not wait for
# MongoDB, and MongoDB gives up after half a second. Should a context still need a server to refresh, the run ends
# early but the JVM writes the cache of what it loaded until then; only a missing cache fails the build.
RUN MONGODB_URI='mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=500&connectTimeoutMS=500' \
    EUREKA_URI='http://127.0.0.1:1/eureka/' KAFKA_BOOTSTRAP_SERVERS='127.0.0.1:1' \
    java -XX:AOTCacheOutput=/app/app.aot -Xlog:aot=error -Xlog:cds=error \
        -Dspring.context.exit=onRefresh -Dspring.kafka.admin.auto-create=false \
        -Dspring.data.mongodb.auto-index-creation=false \
        -jar /app/app.jar > /tmp/aot-training.log 2>&1 \
    || echo "AOT training: the context did not refresh without its servers; caching what was loaded" >&2; \
    test -s /app/app.aot || { tail -n 60 /tmp/aot-training.log >&2; exit 1; }; \
    rm -rf /tmp/* /tmp/.[!.]*

USER app
EXPOSE ${PORT}
# The JRE image has bash but neither curl nor wget for certain: ask the readiness group over /dev/tcp. Compose sets
# its own healthcheck with the same command and the service's port; with plain `docker run`, set APP_PORT as well
# when you move the process to another port.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${APP_PORT} && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Exec form: java is PID 1 and receives SIGTERM for the graceful shutdown (server.shutdown=graceful).
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
