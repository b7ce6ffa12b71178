"""Runs SweepFanOut once in moto's interpreter against a real SweepFunction: each `lambda:invoke` is
POSTed to --invoke (SweepFanOutScaleIT's bridge to the packaged function.zip under Lambda's runtime
interface client), which answers {"error": bool, "payload": <the function's answer or error>}.
Prints one JSON line: the execution's status, output, error and cause, and its wall time.

    python3 fanout_run.py --invoke http://127.0.0.1:PORT/invoke --mchids SUB0001,SUB0002 --concurrency 10
"""
import argparse
import json
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fanout import FunctionError, execute  # noqa: E402


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--invoke", required=True)
    args.add_argument("--mchids", required=True)
    args.add_argument("--concurrency", type=int, default=10)
    args.add_argument("--timeout", type=int, default=900)
    options = args.parse_args()

    def sweep(payload):
        request = urllib.request.Request(options.invoke, data=json.dumps(payload).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            answer = json.loads(response.read())
        if answer["error"]:
            raise FunctionError(answer["payload"].get("errorType", "Unknown"), answer["payload"].get("errorMessage", ""))
        return answer["payload"]

    started = time.monotonic()
    with pytest.MonkeyPatch.context() as monkeypatch:
        run = execute({"": options.mchids}, sweep, monkeypatch, concurrency=options.concurrency,
                      timeout=options.timeout)
    print(json.dumps({"status": run.status, "output": run.output, "error": run.error, "cause": run.cause,
                      "invocations": len(run.calls), "wall_seconds": round(time.monotonic() - started, 2)}))


if __name__ == "__main__":
    main()
