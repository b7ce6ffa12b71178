#!/usr/bin/env bash
# Shared by make demo and make bench: installs the tools, builds target/function.zip (and the test
# classes), and writes the test class path to target/test-classpath.txt for a runner in test scope.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/tools.sh
echo "Building target/function.zip ..."
mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
