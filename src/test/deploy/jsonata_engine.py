"""A JSONata engine for moto's Step Functions interpreter, which parses JSONata states but ships no
engine to evaluate them (AWS's own is not public). This one is the reference implementation, the
npm package `jsonata` pinned in package.json, in one Node.js process for the whole test run.
"""
import atexit
import json
import subprocess
import threading
from pathlib import Path

from moto.stepfunctions.parser.asl.jsonata import jsonata as moto_jsonata

HERE = Path(__file__).parent
_lock = threading.Lock()
_process = None


def _engine():
    global _process
    if _process is None or _process.poll() is not None:
        assert (HERE / "node_modules" / "jsonata").exists(), "run `npm ci` in src/test/deploy (scripts/tools.sh does)"
        _process = subprocess.Popen(["node", str(HERE / "jsonata_eval.js")], cwd=HERE, text=True,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        atexit.register(_process.kill)
    return _process


def evaluate(expression):
    with _lock:
        engine = _engine()
        engine.stdin.write(json.dumps(expression) + "\n")
        engine.stdin.flush()
        answer = json.loads(engine.stdout.readline())
    if "error" in answer:
        raise moto_jsonata.JSONataException("UNKNOWN", answer["error"])
    return answer["value"]


def install():
    """Makes moto evaluate JSONata with this engine (its own hook is left unset)."""
    moto_jsonata._eval_jsonata = evaluate
