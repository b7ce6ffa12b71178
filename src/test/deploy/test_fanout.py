"""SweepFanOut: validated by asl-validator, then executed in moto's interpreter for success, a failing
merchant, an empty list and no list, with SweepFunction's answers scripted per merchant."""
import json
import subprocess
from pathlib import Path

from fanout import FunctionError, definition, execute

ASL_VALIDATOR = Path(__file__).parent / "node_modules" / ".bin" / "asl-validator"
UNAVAILABLE = "io.qfpayreversal.error.QfpayUnavailableException"


def summary(mchid, **counts):
    """A sweep's answer for one merchant, as SweepFunction returns it (items left out)."""
    answer = {"mchid": mchid, "scanned": 0, "candidates": 0, "reversed": 0, "closed": 0, "processing": 0,
              "refund_required": 0, "failed": 0, "skipped": 0, "dry_run": False, "truncated": False, "items": []}
    answer.update(counts)
    return answer


def test_definition_isValidAsl():
    assert ASL_VALIDATOR.exists(), "run `npm ci` in src/test/deploy (scripts/tools.sh does)"
    machine, _ = definition()
    run = subprocess.run([str(ASL_VALIDATOR), "--json-definition", json.dumps(machine)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_everyListedMerchant_isSweptOnce_andTheOutputSumsTheirRuns(monkeypatch):
    lists = {"": "SUB001,SUB002, SUB003", "-2": "SUB004,SUB002"}

    def sweep(payload):
        n = int(payload["mchid"][-1])
        return summary(payload["mchid"], scanned=n + 1, candidates=n, reversed=n, closed=1 if n == 4 else 0,
                       truncated=n == 3)

    run = execute(lists, sweep, monkeypatch)

    assert run.status == "SUCCEEDED", run.cause
    assert sorted(c["mchid"] for c in run.calls) == ["SUB001", "SUB002", "SUB003", "SUB004"]
    assert all(c == {"action": "sweep", "mchid": c["mchid"]} for c in run.calls)
    out = run.output
    assert out["merchants"] == 4 and out["merchants_swept"] == 4 and out["merchants_failed"] == 0
    assert out["totals"] == {"scanned": 14, "candidates": 10, "reversed": 10, "closed": 1, "processing": 0,
                             "refund_required": 0, "failed": 0, "skipped": 0, "merchants_truncated": 1}
    assert out["columns"][:3] == ["scanned", "candidates", "reversed"]
    assert out["per_merchant"]["SUB003"] == [4, 3, 3, 0, 0, 0, 0, 0, True]
    assert out["failed_merchants"] == {}


def test_aFailingMerchant_isCaughtAndReported_andTheOthersAreStillSwept(monkeypatch):
    def sweep(payload):
        if payload["mchid"] == "SUB002":
            raise FunctionError(UNAVAILABLE, "QFPay refused to list payments (respcd 1155)")
        return summary(payload["mchid"], candidates=2, reversed=2, scanned=2)

    run = execute({"": "SUB001,SUB002,SUB003"}, sweep, monkeypatch)

    assert run.status == "SUCCEEDED", run.cause
    assert sorted(c["mchid"] for c in run.calls) == ["SUB001", "SUB002", "SUB003"]
    out = run.output
    assert out["merchants"] == 3 and out["merchants_swept"] == 2 and out["merchants_failed"] == 1
    assert out["failed_merchants"] == {"SUB002": UNAVAILABLE}
    assert out["totals"]["reversed"] == 4
    assert set(out["per_merchant"]) == {"SUB001", "SUB003"}


def test_anEmptyList_sweepsNobody_andSucceeds(monkeypatch):
    run = execute({"": " , "}, lambda payload: summary(payload["mchid"]), monkeypatch)

    assert run.status == "SUCCEEDED", run.cause
    assert run.calls == []
    assert run.output["merchants"] == 0
    assert run.output["totals"]["reversed"] == 0
    assert run.output["per_merchant"] == {} and run.output["failed_merchants"] == {}


def test_noList_failsTheExecution_namingTheParameter(monkeypatch):
    run = execute({}, lambda payload: summary(payload["mchid"]), monkeypatch)

    assert run.status == "FAILED"
    assert run.error == "NoMerchantList"
    assert run.calls == []


def test_oneMerchantListedTwice_isSweptOnce(monkeypatch):
    run = execute({"": "SUB001,SUB001", "-3": "SUB001"}, lambda payload: summary(payload["mchid"]), monkeypatch)

    assert run.status == "SUCCEEDED", run.cause
    assert [c["mchid"] for c in run.calls] == ["SUB001"]
    assert run.output["merchants"] == 1


def test_aMalformedListEntry_isReportedAsItsOwnFailure_andTheSummaryStands(monkeypatch):
    def sweep(payload):
        if " " in payload["mchid"]:
            raise FunctionError("io.qfpayreversal.error.InvalidRequestException", "mchid: must be 1 to 16 letters or digits")
        return summary(payload["mchid"], candidates=1, reversed=1, scanned=1)

    run = execute({"": "SUB001,AB CD,FAILED"}, sweep, monkeypatch)

    assert run.status == "SUCCEEDED", run.cause
    out = run.output
    assert out["failed_merchants"] == {"AB CD": "io.qfpayreversal.error.InvalidRequestException"}
    assert set(out["per_merchant"]) == {"SUB001", "FAILED"}  # a merchant may be called FAILED
    assert out["totals"]["reversed"] == 2


def test_merchantsWithoutCandidates_areCounted_notListed(monkeypatch):
    def sweep(payload):
        busy = payload["mchid"] == "SUB001"
        return summary(payload["mchid"], scanned=3, candidates=1 if busy else 0, reversed=1 if busy else 0)

    run = execute({"": "SUB001,SUB002,SUB003"}, sweep, monkeypatch)

    assert run.output["merchants_swept"] == 3 and run.output["merchants_without_candidates"] == 2
    assert list(run.output["per_merchant"]) == ["SUB001"]
    assert run.output["totals"]["scanned"] == 9
