# syntax=docker/dockerfile:1
# One image per service, built from this one file: `docker build --build-arg MODULE=order-service -t
# shopflow/order-service:0.1.0 .` (docker-compose.yml builds all five). Why a Dockerfile and not Jib or buildpacks:
# docs/adr/0020-container-images.md.

# 1. Build the module and what it depends on with the project's own Maven wrapper (the same build as ./shopflow).
FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$MODULE" && ./mvnw -B -q --no-transfer-progress -pl "$MODULE" -am package -DskipTests

# 2. Split the Boot jar into layers: libraries change less often than the application, so a rebuild ships one small
#    layer.
FROM eclipse-temurin:21-jre AS layers
ARG MODULE
WORKDIR /layers
COPY --from=build /src/${MODULE}/target/${MODULE}.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# 3. The image: a JRE, the layers from least to most often changed, and a user that is not root.
FROM eclipse-temurin:21-jre
ARG MODULE
RUN groupadd --system --gid 10001 shopflow \
    && useradd --system --uid 10001 --gid shopflow --no-create-home --home-dir /app shopflow
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
# In a container the service must listen on every interface (the default is loopback only, for a laptop).
ENV SERVER_ADDRESS=0.0.0.0
LABEL org.opencontainers.image.title="shopflow/${MODULE}"
# The launcher's JVM options (local-stack StackSettings.DEFAULT_JVM_OPTIONS), checked by deploy's DockerfileTest.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms24m", "-Xmx160m", "-Xss512k", "-XX:MaxDirectMemorySize=64m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", "-jar", "application.jar"]
