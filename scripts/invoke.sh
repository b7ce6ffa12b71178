#!/usr/bin/env bash
# make invoke EVENT=events/reverse.json: run one event through the packaged function.zip (as the
# managed java21 runtime runs it) and print its answer. Without QFPAY_BASE_URL: against the local
# QFPay simulator, holding a payment that matches the event (SCRIPT=PAID, PROCESSING_FOREVER, …
# changes how it behaves). With QFPAY_BASE_URL: against that host, with QFPAY_APP_CODE,
# QFPAY_CLIENT_KEY and optional QFPAY_MCHID (or QFPAY_SSM_PATH) from the environment; on a terminal
# it asks for the app code and the key when they are not set (the key is not echoed).
set -euo pipefail
cd "$(dirname "$0")/.."
event=${1:-}
if [ -z "$event" ] || [ ! -f "$event" ]; then
  echo "usage: make invoke EVENT=<event file>   e.g. make invoke EVENT=events/reverse.json" >&2
  echo "samples: $(ls events/*.json | tr '\n' ' ')" >&2
  exit 2
fi
# Against a real host, ask for what is missing rather than have the key typed into a command line.
if [ -n "${QFPAY_BASE_URL:-}" ] && [ -z "${QFPAY_SSM_PATH:-}" ] && [ -t 0 ]; then
  if [ -z "${QFPAY_APP_CODE:-}" ]; then
    read -r -p "QFPay app code for $QFPAY_BASE_URL: " QFPAY_APP_CODE
    export QFPAY_APP_CODE
  fi
  if [ -z "${QFPAY_CLIENT_KEY:-}" ]; then
    read -r -s -p "QFPay client key (not shown): " QFPAY_CLIENT_KEY
    echo
    export QFPAY_CLIENT_KEY
  fi
fi
# Build only when a source is newer than the package (make clean forces a build).
if [ ! -f target/function.zip ] || [ ! -f target/test-classpath.txt ] || \
   [ -n "$(find pom.xml src -newer target/function.zip -type f -print -quit)" ]; then
  bash scripts/build-for-runner.sh
fi
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.qfpayreversal.demo.InvokeRunner target/function.zip "$event"
