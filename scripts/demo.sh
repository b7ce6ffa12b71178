#!/usr/bin/env bash
# make demo: build function.zip, then run it on a handful of events against the QFPay simulator,
# with its credentials in SSM on moto_server. Offline: no AWS account, no QFPay credentials.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-for-runner.sh
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.qfpayreversal.demo.DemoRunner target/function.zip
echo
echo "(the function's own log lines are in target/demo-function.log)"
