#!/usr/bin/env bash
# make native: build the native target/function.zip (bootstrap for provided.al2023) with a local
# GraalVM/Mandrel, or in a container when Docker or Podman runs. Fails fast, saying so, without either.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B verify -Dnative -DskipITs=false)
if command -v native-image >/dev/null 2>&1 || [ -x "${GRAALVM_HOME:-/nonexistent}/bin/native-image" ]; then
  echo "Building natively with $(command -v native-image || echo "$GRAALVM_HOME/bin/native-image")"
elif { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; } || \
     { command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; }; then
  echo "No native-image here: building inside a Mandrel builder container"
  args+=(-Dquarkus.native.container-build=true)
else
  cat >&2 <<'MSG'
make native: no GraalVM/Mandrel (native-image, or GRAALVM_HOME) and no running Docker or Podman.
Install Mandrel/GraalVM for JDK 21, or start a container engine, then run `make native` again.
The JVM package (`make package`, runtime java21) needs neither.
MSG
  exit 2
fi
mvn "${args[@]}" "$@"
echo "target/function.zip now holds the native bootstrap: deploy with PackageType=native."
