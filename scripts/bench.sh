#!/usr/bin/env bash
# make bench: issue 15's before/after cold-start benchmark. Packages the working tree ("after"),
# builds "before" from a git ref once (BENCH_BEFORE, default: release 1.0.0) under target/bench/before/,
# then runs both as Lambda's managed Java runtime does, next to the seed guide's Python client, on
# loopback; and, beside them, a native function.zip as provided.al2023 runs it, when there is one
# (-Dbench.native=<zip>, else target/function-native.zip). Prints a table; writes
# target/bench/results.md. BENCH_OPTS adds system properties (e.g. -Dbench.coldRuns=3,
# -Dbench.memory=1024, -Dbench.extra=true, -Dbench.only=after, -Dbench.only=native,
# -Dbench.native=..., -Dbench.functionOptions=...).
set -euo pipefail
cd "$(dirname "$0")/.."
# `make native` leaves its bootstrap in target/function.zip, which the JVM package is about to
# replace: keep it as the native variant's zip (a bootstrap at the root is native, as in deploy.sh).
if [ -f target/function.zip ] && unzip -Z1 target/function.zip 2>/dev/null | grep -qx 'bootstrap'; then
  cp target/function.zip target/function-native.zip
  echo "bench: target/function.zip is a native build; copied to target/function-native.zip for the native variant"
fi
bash scripts/build-for-runner.sh
# The function runs on the runner's java.home; jcmd (metaspace, classes) must come from that JDK.
java_home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
[ -x "$java_home/bin/jcmd" ] || { echo "bench: no jcmd in $java_home (a JDK, not a JRE, is needed)" >&2; exit 1; }
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  ${BENCH_BEFORE:+-Dbench.before="$BENCH_BEFORE"} \
  ${BENCH_OPTS:-} io.qfpayreversal.bench.BenchRunner
