"""ReversalWorkflow: validated by asl-validator, then executed for every answer the function gives."""
import json
import re
import subprocess
from pathlib import Path

import pytest

from cfn import ROOT
from workflow import FunctionError, ServiceError, definition, execute, result

PAYMENT = {"action": "reverse", "syssn": "20261125000000001", "txamt": 2500, "txdtm": "2026-11-25 10:00:00",
           "mchid": "SUBMCH01"}
UNAVAILABLE = "io.qfpayreversal.error.QfpayUnavailableException"
INVALID = "io.qfpayreversal.error.InvalidRequestException"
CONFIGURATION = "io.qfpayreversal.error.ConfigurationException"
LAMBDA_TRANSIENT = ["ClientExecutionTimeoutException", "ServiceException", "AWSLambdaException",
                    "SdkClientException", "TooManyRequestsException"]
MAX_POLLS = 20
ASL_VALIDATOR = Path(__file__).parent / "node_modules" / ".bin" / "asl-validator"


def test_definition_isValidAsl():
    assert ASL_VALIDATOR.exists(), "run `npm ci` in src/test/deploy (scripts/tools.sh does)"
    run = subprocess.run([str(ASL_VALIDATOR), "--json-definition", json.dumps(definition())],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


MARKER = "<!-- ReversalWorkflow: the template's definition -->"


def documented_workflows():
    """Every JSON block of README.md and docs/*.md that holds a state machine ("StartAt"), with whether it is marked."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        text = page.read_text()
        for block in re.finditer(r"```json\n(.*?)\n```", text, re.S):
            if '"StartAt"' in block.group(1):
                marked = text[:block.start()].rstrip().endswith(MARKER)
                yield page.relative_to(ROOT), marked, block.group(1)


def test_documentedWorkflow_isTheTemplatesDefinition():
    template = json.loads(json.dumps(definition()).replace(
        "arn:aws:lambda:ap-east-1:123456789012:function:qfpay-reversal-ReversalFunction:live", "${ReversalFunctionArn}"))
    found = list(documented_workflows())
    assert any(str(page) == "docs/step-functions.md" and marked for page, marked, _ in found), \
        f"docs/step-functions.md must show the workflow after {MARKER}"
    for page, marked, block in found:
        assert marked, f"{page}: a workflow example must be the template's definition, after {MARKER}"
        assert json.loads(block) == template, f"{page}: the workflow example differs from template.yaml's"


@pytest.mark.parametrize("status, final_state, outcome", [
    ("REVERSED", "Cancelled", "SUCCEEDED"),
    ("CLOSED", "Cancelled", "SUCCEEDED"),
    ("REFUND_REQUIRED", "RefundRequired", "SUCCEEDED"),
    ("NOT_FOUND", "NotCancelled", "FAILED"),
    ("REJECTED", "NotCancelled", "FAILED"),
])
def test_reverse_settledAnswer_endsAtOnce(status, final_state, outcome, monkeypatch):
    run = execute([result(status)], PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == (outcome, final_state)
    assert run.calls == [PAYMENT]
    assert run.waits == []


@pytest.mark.parametrize("status, final_state, outcome", [
    ("REVERSED", "Cancelled", "SUCCEEDED"),
    ("CLOSED", "Cancelled", "SUCCEEDED"),
    ("REFUNDED", "NotCancelled", "FAILED"),
    ("NOT_FOUND", "NotCancelled", "FAILED"),
])
def test_processing_thenStatus_endsOnTheStatus(status, final_state, outcome, monkeypatch):
    run = execute([result("PROCESSING"), result("PENDING"), result(status)], PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == (outcome, final_state)
    assert run.actions == ["reverse", "status", "status"]
    assert run.waits == [("wait", 30), ("wait", 30)]


def test_statusCall_sendsMchidSyssnAndOutTradeNo(monkeypatch):
    run = execute([result("PROCESSING", orig_syssn="20261125999", out_trade_no="ORDER-9"), result("REVERSED")],
                  {"txamt": 2500, "txdtm": "2026-11-25 10:00:00", "out_trade_no": "ORDER-9", "mchid": "SUBMCH01"},
                  monkeypatch)

    status_call = run.calls[1]
    assert status_call["action"] == "status"
    assert (status_call["mchid"], status_call["syssn"], status_call["out_trade_no"]) == ("SUBMCH01", "20261125999", "ORDER-9")


def test_statusCall_withoutMchid_sendsNone(monkeypatch):
    payment = {key: value for key, value in PAYMENT.items() if key != "mchid"}
    run = execute([result("PROCESSING"), result("REVERSED")], payment, monkeypatch)

    assert "mchid" not in run.calls[1]
    assert run.final_state == "Cancelled"


def test_pendingForever_stopsAfterTheLastPoll_inAStateToAlarmOn(monkeypatch):
    run = execute([result("PROCESSING")] + [result("PENDING")] * MAX_POLLS, PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("FAILED", "StillProcessing")
    assert run.actions.count("status") == MAX_POLLS
    assert run.events[-1]["executionFailedEventDetails"]["error"] == "StillProcessing"


def test_paidAfterProcessing_waitsToSettle_andRefundsOnlyWhenStillPaid(monkeypatch):
    run = execute([result("PROCESSING"), result("PAID"), result("PAID")], PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("SUCCEEDED", "RefundRequired")
    assert run.waits == [("wait", 30), ("wait", 120)]
    assert run.entered.index("WaitToSettle") < run.entered.index("StatusAfterSettling") < run.entered.index("RefundRequired")


@pytest.mark.parametrize("settled", ["REVERSED", "CLOSED"])
def test_paidAfterProcessing_thenCancelledWhileSettling_isNotRefunded(settled, monkeypatch):
    run = execute([result("PROCESSING"), result("PAID"), result(settled)], PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("SUCCEEDED", "Cancelled")
    assert "RefundRequired" not in run.entered


def test_paidThenPendingAgain_goesOnPolling_withinTheSameBound(monkeypatch):
    answers = [result("PROCESSING"), result("PAID"), result("PENDING")] + [result("PENDING")] * (MAX_POLLS - 1)
    run = execute(answers, PAYMENT, monkeypatch)

    assert run.final_state == "StillProcessing"
    assert run.actions.count("status") == MAX_POLLS + 1  # the settling call, then the bound


@pytest.mark.parametrize("status", ["REFUNDED", "NOT_FOUND"])
def test_paidThenSomethingElse_isNotCancelled(status, monkeypatch):
    run = execute([result("PROCESSING"), result("PAID"), result(status)], PAYMENT, monkeypatch)

    assert run.final_state == "NotCancelled"


@pytest.mark.parametrize("error, final_state", [(INVALID, "InvalidRequest"), (CONFIGURATION, "Misconfigured"),
                                                ("java.lang.IllegalStateException", "FunctionFailed"),
                                                ("Lambda.Unknown", "FunctionFailed")])
@pytest.mark.parametrize("step", ["reverse", "status"])
def test_errorsThatRetryingCannotFix_failAtOnce(error, final_state, step, monkeypatch):
    before = [result("PROCESSING")] if step == "status" else []
    run = execute(before + [FunctionError(error)], PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("FAILED", final_state)
    assert [w for w in run.waits if w[0] == "retry"] == []


@pytest.mark.parametrize("step", ["reverse", "status"])
def test_qfpayUnavailable_isRetriedFiveTimes_thenFails(step, monkeypatch):
    before = [result("PROCESSING")] if step == "status" else []
    run = execute(before + [FunctionError(UNAVAILABLE)] * 6, PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("FAILED", "QfpayUnavailable")
    assert len([w for w in run.waits if w[0] == "retry"]) == 5


def test_qfpayUnavailable_thenAnswer_goesOn(monkeypatch):
    run = execute([FunctionError(UNAVAILABLE), FunctionError(UNAVAILABLE), result("REVERSED")], PAYMENT, monkeypatch)

    assert run.final_state == "Cancelled"
    assert run.calls == [PAYMENT] * 3


@pytest.mark.parametrize("code", LAMBDA_TRANSIENT)
@pytest.mark.parametrize("step", ["reverse", "status"])
def test_transientLambdaErrors_areRetried(code, step, monkeypatch):
    before = [result("PROCESSING")] if step == "status" else []
    run = execute(before + [ServiceError(code), result("REVERSED")], PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("SUCCEEDED", "Cancelled")
    assert len([w for w in run.waits if w[0] == "retry"]) == 1


@pytest.mark.parametrize("code", LAMBDA_TRANSIENT)
def test_transientLambdaErrors_thatLast_failAfterSixRetries(code, monkeypatch):
    run = execute([ServiceError(code)] * 7, PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("FAILED", "FunctionFailed")


def test_functionTimeout_isRetriedTwice_thenFailsAsTimedOut(monkeypatch):
    run = execute([FunctionError("Sandbox.Timedout")] * 3, PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("FAILED", "FunctionTimedOut")
    assert run.calls == [PAYMENT] * 3


def test_functionTimeout_thenAnswer_goesOn(monkeypatch):
    run = execute([FunctionError("Sandbox.Timedout"), result("REVERSED")], PAYMENT, monkeypatch)

    assert run.final_state == "Cancelled"


def test_cancelling_isAskedAgainLikePending_thenEndsOnTheStatus(monkeypatch):
    run = execute([result("PROCESSING"), result("CANCELLING"), result("CANCELLING"), result("REVERSED")], PAYMENT,
                  monkeypatch)

    assert (run.status, run.final_state) == ("SUCCEEDED", "Cancelled")
    assert run.actions == ["reverse", "status", "status", "status"]
    assert run.waits == [("wait", 30)] * 3
    assert "RefundRequired" not in run.entered


def test_cancellingForever_stopsAfterTheLastPoll_neverAtTheRefundStep(monkeypatch):
    run = execute([result("PROCESSING")] + [result("CANCELLING")] * MAX_POLLS, PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("FAILED", "StillProcessing")
    assert run.actions.count("status") == MAX_POLLS
    assert "RefundRequired" not in run.entered


def test_paidThenCancellingWhileSettling_goesOnPolling_andRefundsOnlyOnAPaidAnswer(monkeypatch):
    run = execute([result("PROCESSING"), result("PAID"), result("CANCELLING"), result("CANCELLING"), result("PAID"),
                   result("PAID")], PAYMENT, monkeypatch)

    assert (run.status, run.final_state) == ("SUCCEEDED", "RefundRequired")
    assert run.entered.count("StatusAfterSettling") == 2
    assert run.waits == [("wait", 30), ("wait", 120), ("wait", 30), ("wait", 30), ("wait", 120)]
