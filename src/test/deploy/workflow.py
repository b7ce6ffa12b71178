"""ReversalWorkflow run by moto's Step Functions interpreter, with the function's answers scripted.

moto would need Docker to run a Lambda function, so each `lambda:invoke` task is answered by a
script instead: the test lists, in order, what the function answers (a result, a function error, or
a Lambda service error), and every payload the workflow sent is recorded. Waits and retry
intervals are recorded instead of slept.
"""
import json
import threading
import time

import boto3
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl
from moto.stepfunctions.parser.asl.component.state.exec.state_task import lambda_eval_utils
from moto.stepfunctions.parser.asl.component.state.wait.wait_function.wait_function import WaitFunction

from cfn import ACCOUNT, REGION, source

FUNCTION_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:qfpay-reversal-ReversalFunction:live"


def definition():
    """The workflow exactly as template.yaml defines it, substitutions applied."""
    props = source()["Resources"]["ReversalWorkflow"]["Properties"]
    text = json.dumps(props["Definition"])
    return json.loads(text.replace("${ReversalFunctionArn}", FUNCTION_ARN))


def result(status, **fields):
    """A reverse/status answer as the function returns it (every key present)."""
    answer = dict.fromkeys(["operation", "already_cancelled", "syssn", "orig_syssn", "out_trade_no", "pay_type",
                            "txamt", "txcurrcd", "txdtm", "sysdtm", "chnlsn", "respcd", "resperr", "respmsg",
                            "retryable", "message"])
    answer.update({"status": status, "orig_syssn": "20261125000000001", "out_trade_no": "ORDER-1"})
    answer.update(fields)
    return answer


class FunctionError:
    """The function threw: Lambda reports its errorType (Sandbox.Timedout when it ran out of time)."""

    def __init__(self, error_type):
        self.error_type = error_type


class ServiceError:
    """Lambda itself failed the Invoke call: Step Functions names it Lambda.<code>."""

    def __init__(self, code):
        self.code = code


class Run:
    def __init__(self, status, events, calls, waits):
        self.status = status
        self.events = events
        self.calls = calls
        self.waits = waits

    @property
    def entered(self):
        return [e["stateEnteredEventDetails"]["name"] for e in self.events if "stateEnteredEventDetails" in e]

    @property
    def final_state(self):
        return self.entered[-1]

    @property
    def actions(self):
        return [c.get("action", "reverse") for c in self.calls]


def execute(answers, payment, monkeypatch):
    """Runs the workflow on {"payment": payment}; the function answers with `answers` in order."""
    remaining = list(answers)
    calls, waits = [], []
    lock = threading.Lock()

    def invoke(parameters, region, state_credentials):
        assert parameters["FunctionName"] == FUNCTION_ARN
        with lock:
            calls.append(json.loads(parameters["Payload"]))
            assert remaining, f"the workflow made an unscripted call: {calls[-1]}"
            answer = remaining.pop(0)
        if isinstance(answer, ServiceError):
            raise ClientError({"Error": {"Code": answer.code, "Message": "scripted"},
                               "ResponseMetadata": {"HTTPStatusCode": 500, "RequestId": "r"}}, "Invoke")
        if isinstance(answer, FunctionError):
            return {"StatusCode": 200, "FunctionError": "Unhandled",
                    "Payload": {"errorType": answer.error_type, "errorMessage": "scripted"}}
        return {"StatusCode": 200, "Payload": answer}

    class VirtualTime:
        @staticmethod
        def sleep(seconds):
            waits.append(("retry", seconds))

    def wait(self, env, wait_seconds):
        waits.append(("wait", wait_seconds))

    monkeypatch.setattr(lambda_eval_utils, "_invoke_lambda_function", invoke)
    monkeypatch.setattr(retrier_decl, "time", VirtualTime)
    monkeypatch.setattr(WaitFunction, "_wait_interval", wait)
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        sfn = boto3.client("stepfunctions", region_name=REGION)
        machine = sfn.create_state_machine(name="ReversalWorkflow", definition=json.dumps(definition()),
                                           roleArn=f"arn:aws:iam::{ACCOUNT}:role/workflow")["stateMachineArn"]
        arn = sfn.start_execution(stateMachineArn=machine, input=json.dumps({"payment": payment}))["executionArn"]
        give_up = time.monotonic() + 60
        while (status := sfn.describe_execution(executionArn=arn)["status"]) == "RUNNING":
            assert time.monotonic() < give_up, "the execution did not end"
            time.sleep(0.01)
        events = sfn.get_execution_history(executionArn=arn, maxResults=1000)["events"]
    assert not remaining, f"scripted answers left unused: {remaining}"
    return Run(status, events, calls, waits)
