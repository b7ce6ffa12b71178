#!/usr/bin/env bash
# make bench: package the function, then time it as Lambda runs it, next to the seed guide's
# Python client, on loopback. Prints a table; writes target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/tools.sh
echo "Building target/function.zip ..."
mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  ${BENCH_OPTS:-} io.qfpayreversal.bench.BenchRunner target/function.zip
