"""SweepFanOut run by moto's Step Functions interpreter: the merchant list in (moto's) SSM, and each
`lambda:invoke` of SweepFunction answered by `sweep(payload)`, a Python function the caller gives
(a script in test_fanout.py, or the packaged function over HTTP in SweepFanOutScaleIT). JSONata
states are evaluated by the reference engine (jsonata_engine.py). Retry intervals are recorded,
not slept.
"""
import json
import threading
import time

import boto3
from moto import mock_aws
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl
from moto.stepfunctions.parser.asl.component.state.exec.state_task import lambda_eval_utils

import jsonata_engine
from cfn import ACCOUNT, REGION, source, transform

SSM_PATH = "/qfpay/prod"
SWEEP_FUNCTION_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:qfpay-reversal-SweepFunction:live"


def definition(concurrency=10):
    """The fan-out exactly as template.yaml defines it, with its substitutions as CloudFormation makes them."""
    deployed = transform({"SweepMerchantList": "ssm", "QfpaySsmPath": SSM_PATH,
                          "SweepMerchantConcurrency": str(concurrency)})
    props = source()["Resources"]["SweepFanOut"]["Properties"]
    substitutions = {name: deployed.resolve(value) for name, value in props["DefinitionSubstitutions"].items()
                     if name != "SweepFunctionArn"}
    substitutions["SweepFunctionArn"] = SWEEP_FUNCTION_ARN
    text = json.dumps(props["Definition"])
    for name, value in substitutions.items():
        text = text.replace("${" + name + "}", str(value))
    return json.loads(text), deployed.properties("SweepFanOut")["StateMachineName"]


class FunctionError(Exception):
    """SweepFunction threw: Lambda reports its errorType."""

    def __init__(self, error_type, message="scripted"):
        super().__init__(error_type)
        self.error_type = error_type
        self.message = message


class Run:
    def __init__(self, status, output, error, cause, calls, events):
        self.status = status
        self.output = json.loads(output) if output else None
        self.error = error
        self.cause = cause
        self.calls = calls
        self.events = events


def runnable_in_moto(machine_definition):
    """moto's interpreter runs a Distributed Map's children only as STANDARD executions; the template's
    are EXPRESS (cheaper for short runs, 5 minutes at most). The states they run are the same."""
    processor = machine_definition["States"]["SweepEachMerchant"]["ItemProcessor"]["ProcessorConfig"]
    assert processor == {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}
    processor["ExecutionType"] = "STANDARD"
    return machine_definition


def execute(lists, sweep, monkeypatch, concurrency=10, timeout=120):
    """Runs SweepFanOut once, the SSM parameters `lists` ({name suffix: value}, "" for sweep-mchids) in place."""
    jsonata_engine.install()
    machine_definition, name = definition(concurrency)
    machine_definition = runnable_in_moto(machine_definition)
    calls = []
    lock = threading.Lock()

    def invoke(parameters, region, state_credentials):
        assert parameters["FunctionName"] == SWEEP_FUNCTION_ARN
        payload = json.loads(parameters["Payload"])
        with lock:
            calls.append(payload)
        try:
            return {"StatusCode": 200, "Payload": sweep(payload)}
        except FunctionError as e:
            return {"StatusCode": 200, "FunctionError": "Unhandled",
                    "Payload": {"errorType": e.error_type, "errorMessage": e.message}}

    class VirtualTime:
        @staticmethod
        def sleep(seconds):
            pass

    monkeypatch.setattr(lambda_eval_utils, "_invoke_lambda_function", invoke)
    monkeypatch.setattr(retrier_decl, "time", VirtualTime)
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        ssm = boto3.client("ssm", region_name=REGION)
        for suffix, value in lists.items():
            ssm.put_parameter(Name=f"{SSM_PATH}/sweep-mchids{suffix}", Type="StringList", Value=value)
        sfn = boto3.client("stepfunctions", region_name=REGION)
        machine = sfn.create_state_machine(name=name, definition=json.dumps(machine_definition),
                                           roleArn=f"arn:aws:iam::{ACCOUNT}:role/fan-out")["stateMachineArn"]
        arn = sfn.start_execution(stateMachineArn=machine, input="{}")["executionArn"]
        give_up = time.monotonic() + timeout
        while (described := sfn.describe_execution(executionArn=arn))["status"] == "RUNNING":
            assert time.monotonic() < give_up, "the execution did not end"
            time.sleep(0.02)
        events = sfn.get_execution_history(executionArn=arn, maxResults=1000)["events"]
    return Run(described["status"], described.get("output"), described.get("error"), described.get("cause"),
               calls, events)
