#!/usr/bin/env bash
# make native: build the native target/function.zip (bootstrap for provided.al2023) and run the
# packaged-artifact tests against the binary, with a local GraalVM/Mandrel native-image 25 (found
# through GRAALVM_HOME or PATH) or, without one, in a Mandrel builder container when Docker or
# Podman runs. Fails fast, saying so, without either.
#
# --if-available (make test): the same with a local native-image only; without one it prints
# "native: skipped (no native-image)" and succeeds, so that machines without a toolchain still test.
set -euo pipefail
cd "$(dirname "$0")/.."
# The builder image the container build uses; docs/deploy.md names it ("Native").
BUILDER_IMAGE=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25

if_available=false
if [ "${1:-}" = "--if-available" ]; then
  if_available=true
  shift
fi

native_image=""
if [ -n "${GRAALVM_HOME:-}" ] && [ -x "$GRAALVM_HOME/bin/native-image" ]; then
  native_image="$GRAALVM_HOME/bin/native-image"
elif command -v native-image >/dev/null 2>&1; then
  native_image="$(command -v native-image)"
fi

# Only the packaged-artifact tests (failsafe) run against the binary: the unit and @QuarkusTest
# suites are the same code on the JVM and ran in `mvn verify` already.
args=(-B verify -Dnative -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false)
if [ -n "$native_image" ]; then
  echo "native: building with $native_image ($("$native_image" --version | head -n 1))"
elif $if_available; then
  echo "native: skipped (no native-image)"
  exit 0
elif { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; } || \
     { command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; }; then
  echo "native: no native-image here, building inside $BUILDER_IMAGE"
  args+=(-Dquarkus.native.container-build=true "-Dquarkus.native.builder-image=$BUILDER_IMAGE")
else
  cat >&2 <<'MSG'
make native: no native-image (GRAALVM_HOME, or PATH) and no running Docker or Podman.
Install Mandrel or GraalVM for JDK 25 and set GRAALVM_HOME, or start a container engine, then run
`make native` again. The JVM package (`make package`, runtime java21) needs neither.
MSG
  exit 2
fi
mvn "${args[@]}" "$@"
echo "native: target/function.zip now holds the native bootstrap (deploy with PackageType=native)."
