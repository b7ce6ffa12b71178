#!/usr/bin/env bash
# make bench: package the function, then time it as Lambda runs it, next to the seed guide's
# Python client, on loopback. Prints a table; writes target/bench/results.md. BENCH_OPTS adds
# system properties (e.g. -Dbench.rounds=1, -Dbench.only=AppCDS, -Dbench.functionOptions=...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-for-runner.sh
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  ${BENCH_OPTS:-} io.qfpayreversal.bench.BenchRunner target/function.zip
