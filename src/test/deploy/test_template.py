"""template.yaml as CloudFormation deploys it: after the SAM transform, with several parameter sets."""
import re

import pytest

from cfn import ACCOUNT, REGION, Deployed, source, transform

FUNCTIONS = ["ReversalFunction", "SweepFunction"]
JVM = {"PackageType": "jvm"}

# For each parameter that reaches a function: another valid value. A new parameter that reaches a
# function needs a line here, and then the test checks that changing it publishes a new version.
ALTERNATIVES = {
    "PackageType": "jvm",
    "Architecture": "arm64",
    "JvmMemorySize": "2048",
    "NativeMemorySize": "1024",
    "FunctionTimeout": "90",
    "SweepTimeout": "600",
    "SnapStart": "true",
    "JvmOptions": "-XX:+UseSerialGC",
    "QfpaySsmPath": "/qfpay/other",
    "QfpayBaseUrl": "https://openapi-int.qfapi.com",
    "QfpaySignType": "SHA256",
    "ReversalReservedConcurrency": "20",  # not versioned: no new version needed
    "SweepMerchantList": "ssm",
    "SweepMerchantConcurrency": "20",  # not versioned: no new version needed
}
AGENT = {"SweepMerchantList": "ssm"}


def function_config(deployed, function_id):
    """What a published version freezes: the function's configuration, less what is not versioned."""
    props = deployed.properties(function_id)
    for unversioned in ("ReservedConcurrentExecutions", "Tags"):
        props.pop(unversioned, None)
    return props


@pytest.mark.parametrize("base", [{}, JVM], ids=["native", "jvm"])
@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_everyConfigurationChange_publishesANewVersionForTheLiveAlias(function_id, base):
    before = transform(base)
    reaching = before.parameters_reaching(function_id)
    missing = reaching - set(ALTERNATIVES)
    assert not missing, f"{function_id} depends on {missing}: add an alternative value to ALTERNATIVES"
    changed = 0
    for name in sorted(reaching):
        if base.get(name) == ALTERNATIVES[name] or before.values[name] == ALTERNATIVES[name]:
            continue
        after = transform({**base, name: ALTERNATIVES[name]})
        if function_config(before, function_id) == function_config(after, function_id):
            continue  # e.g. JvmOptions of a native function: nothing to publish
        changed += 1
        _, version_before, props_before = before.alias_version(function_id)
        _, version_after, props_after = after.alias_version(function_id)
        assert (version_before, props_before) != (version_after, props_after), (
            f"changing {name} changes {function_id}'s configuration but publishes no new version: "
            f"the live alias would keep serving the old one")
    assert changed >= 5


def test_aTemplateEditToAFunction_publishesANewVersion():
    template = source()
    edited = source()
    edited["Resources"]["ReversalFunction"]["Properties"]["Environment"] = {"Variables": {"QFPAY_SWEEP_LOOKBACK": "12h"}}
    assert transform(template=template).alias_version("ReversalFunction")[1] != \
        transform(template=edited).alias_version("ReversalFunction")[1]


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_versionDescription_fitsLambdasLimitForEveryAllowedValue(function_id):
    template = source()
    sub = template["Resources"][function_id]["Properties"]["VersionDescription"]["Fn::Sub"]
    text, local = (sub, {}) if isinstance(sub, str) else sub
    params = template["Parameters"]
    longest = text
    for name in re.findall(r"\$\{([^}]+)\}", text):
        if name in local:  # a local variable: the longest of its !If branches
            size = max(len(branch) for branch in local[name]["Fn::If"][1:])
            longest = longest.replace("${" + name + "}", "x" * size, 1)
            continue
        p = params[name]
        if "AllowedValues" in p:
            size = max(len(str(v)) for v in p["AllowedValues"])
        elif p["Type"] == "Number":
            size = len(str(p["MaxValue"]))
        else:
            assert "MaxLength" in p, f"{name} needs a MaxLength: it is part of {function_id}'s VersionDescription"
            size = p["MaxLength"]
        longest = longest.replace("${" + name + "}", "x" * size, 1)
    assert len(longest) <= 256


def test_api_invokesTheAliasWithItsOwnPermission_notTheCallersCredentials():
    deployed = transform()
    paths = deployed.resources["ReversalApi"]["Properties"]["Body"]["paths"]
    routes = {(path, method) for path, methods in paths.items() for method in methods}
    assert routes == {("/reversals", "post"), ("/transactions", "get")}
    for path, methods in paths.items():
        for method, operation in methods.items():
            integration = operation["x-amazon-apigateway-integration"]
            assert "credentials" not in integration, f"{method} {path} invokes with {integration['credentials']}"
            assert "ReversalFunctionAliaslive" in integration["uri"]["Fn::Sub"]
            assert operation["security"] == [{"AWS_IAM": []}]
    permissions = [deployed.properties(k) for k in deployed.of_type("AWS::Lambda::Permission")]
    granted = {p["SourceArn"].rsplit("/", 2)[-2:][0] + " " + p["SourceArn"].rsplit("/", 1)[-1]
               for p in permissions if p["Principal"] == "apigateway.amazonaws.com"}
    assert granted == {"POST reversals", "GET transactions"}
    assert all(p["FunctionName"] == "<ref:ReversalFunctionAliaslive>" for p in permissions)


def test_sweep_runsTheLiveAliasToo():
    deployed = transform()
    schedule, = (deployed.properties(k) for k in deployed.of_type("AWS::Scheduler::Schedule"))
    assert schedule["Target"]["Arn"] == "<ref:SweepFunctionAliaslive>"
    role = deployed.properties(schedule["Target"]["RoleArn"][len("<getatt:"):-len(".Arn>")])
    invoke = [s for p in role["Policies"] for s in p["PolicyDocument"]["Statement"] if s["Action"] == "lambda:InvokeFunction"]
    assert [s["Resource"] for s in invoke] == ["<ref:SweepFunctionAliaslive>"]
    config, = (deployed.properties(k) for k in deployed.of_type("AWS::Lambda::EventInvokeConfig"))
    assert config["Qualifier"] == "live"


def test_workflow_invokesOnlyTheAlias():
    deployed = transform()
    workflow = deployed.properties("ReversalWorkflow")
    assert workflow["DefinitionSubstitutions"]["ReversalFunctionArn"] == "<ref:ReversalFunctionAliaslive>"
    role = deployed.properties(workflow["RoleArn"][len("<getatt:"):-len(".Arn>")])
    resources = [s["Resource"] for p in role["Policies"] for s in p["PolicyDocument"]["Statement"]]
    assert resources == ["<ref:ReversalFunctionAliaslive>"]


def statements(deployed):
    """Every IAM statement of the stack, with the resource that holds it."""
    for logical_id, resource in deployed.resources.items():
        props = deployed.properties(logical_id)
        if props is None:
            continue  # not created: its condition does not hold
        if resource["Type"] == "AWS::IAM::ManagedPolicy":
            for s in props["PolicyDocument"]["Statement"]:
                yield logical_id, s
        elif resource["Type"] == "AWS::IAM::Role":
            for policy in props.get("Policies", []):
                for s in policy["PolicyDocument"]["Statement"]:
                    yield logical_id, s


def as_list(value):
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("overrides", [{}, JVM, {**JVM, "SnapStart": "true"},
                                       {"SsmKmsKeyArn": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
                                       AGENT],
                         ids=["native", "jvm", "snapstart", "kms-key", "merchant-list"])
def test_iam_grantsNothingOnStar_andLogsOnlyToEachFunctionsOwnGroup(overrides):
    deployed = transform(overrides)
    for role_id, resource in deployed.of_type("AWS::IAM::Role").items():
        managed = deployed.properties(role_id).get("ManagedPolicyArns", [])
        assert all(arn.startswith("<ref:") for arn in managed), f"{role_id} has AWS managed policies {managed}"
    own_groups = {}
    for function_id in FUNCTIONS:
        props = deployed.properties(function_id)
        own_groups[props["Role"]] = props["LoggingConfig"]["LogGroup"]
    for holder, statement in statements(deployed):
        assert statement["Effect"] == "Allow"
        for action in as_list(statement["Action"]):
            assert "*" not in action, f"{holder}: {action}"
        for arn in as_list(statement["Resource"]):
            if "*" not in arn:
                continue
            if arn == f"arn:aws:states:{REGION}:{ACCOUNT}:execution:qfpay-reversal-sweep-fan-out/*":
                # The Distributed Map watches and stops its own child executions, named after it.
                assert holder == "SweepFanOutRole", f"{holder} may reach the fan-out's executions"
                assert sorted(as_list(statement["Action"])) == ["states:DescribeExecution", "states:StopExecution"]
                continue
            group = own_groups.get(f"<getatt:{holder}.Arn>")
            assert group and arn == f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:{group}:log-stream:*", \
                f"{holder} grants {statement['Action']} on {arn}"
            assert sorted(as_list(statement["Action"])) == ["logs:CreateLogStream", "logs:PutLogEvents"]
    kms = [s for _, s in statements(deployed) if "kms:Decrypt" in as_list(s["Action"])]
    if "SsmKmsKeyArn" in overrides:
        assert [s["Resource"] for s in kms] == [overrides["SsmKmsKeyArn"]]
    else:
        assert kms == []  # the AWS managed key aws/ssm needs no statement


def test_eachFunction_writesToItsOwnLogGroup():
    deployed = transform()
    groups = {f: deployed.properties(f)["LoggingConfig"]["LogGroup"] for f in FUNCTIONS}
    assert groups == {"ReversalFunction": "<ref:ReversalLogGroup>", "SweepFunction": "<ref:SweepLogGroup>"}


NAME_PROPERTIES = {
    "AWS::Scheduler::Schedule": "Name",
    "AWS::Logs::LogGroup": "LogGroupName",
    "AWS::Lambda::Function": "FunctionName",
    "AWS::IAM::Role": "RoleName",
    "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
    "AWS::SQS::Queue": "QueueName",
    "AWS::StepFunctions::StateMachine": "StateMachineName",
}


def test_twoStacksInOneAccountAndRegion_shareNoName():
    first = transform()
    second = Deployed(first.template, first.values, stack_name="qfpay-reversal-staging")
    for logical_id, resource in first.resources.items():
        prop = NAME_PROPERTIES.get(resource["Type"])
        if prop is None or first.properties(logical_id) is None:
            continue
        a = first.properties(logical_id).get(prop)
        b = second.properties(logical_id).get(prop)
        assert a is None or a != b, f"{logical_id} is named {a} in every stack"


def test_cancelLedger_isOnDemand_expiresEntries_andIsEncrypted():
    deployed = transform()
    table = deployed.properties("CancelLedgerTable")
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["KeySchema"] == [{"AttributeName": "merchant", "KeyType": "HASH"},
                                  {"AttributeName": "syssn", "KeyType": "RANGE"}]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert table["SSESpecification"]["SSEEnabled"] is True


@pytest.mark.parametrize("overrides", [{}, JVM], ids=["native", "jvm"])
def test_cancelLedger_bothFunctionsGetItsName_andOnlyTheItemActionsTheyUse_onItsArn(overrides):
    deployed = transform(overrides)
    for function_id in FUNCTIONS:
        props = deployed.properties(function_id)
        assert props["Environment"]["Variables"]["QFPAY_LEDGER_TABLE"] == "<ref:CancelLedgerTable>"
        role = deployed.properties(props["Role"][len("<getatt:"):-len(".Arn>")])
        assert "<ref:CancelLedgerPolicy>" in role["ManagedPolicyArns"], f"{function_id} cannot reach the ledger"
    dynamodb = [(holder, s) for holder, s in statements(deployed)
                if any(a.startswith("dynamodb:") for a in as_list(s["Action"]))]
    assert [holder for holder, _ in dynamodb] == ["CancelLedgerPolicy"]
    (_, statement), = dynamodb
    assert sorted(as_list(statement["Action"])) == ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    assert as_list(statement["Resource"]) == ["<getatt:CancelLedgerTable.Arn>"]
    assert "Condition" not in statement


def test_noMerchantList_theScheduleSweepsTheConfiguredMerchant_asBefore():
    deployed = transform()
    assert not deployed.of_type("AWS::StepFunctions::StateMachine").keys() - {"ReversalWorkflow"}
    schedule, = (deployed.properties(k) for k in deployed.of_type("AWS::Scheduler::Schedule"))
    assert schedule["State"] == "ENABLED"
    sweep = deployed.properties("SweepFunction")
    assert sweep["ReservedConcurrentExecutions"] == 1
    assert "QFPAY_ALLOWED_MCHIDS" not in sweep["Environment"]["Variables"]


def test_merchantList_theScheduleStartsTheFanOut_andTheFunctionsOwnScheduleIsOff():
    deployed = transform({**AGENT, "SweepMerchantConcurrency": "25"})
    schedules = {deployed.properties(k)["Target"]["Arn"]: deployed.properties(k)["State"]
                 for k in deployed.of_type("AWS::Scheduler::Schedule")}
    assert schedules == {"<ref:SweepFunctionAliaslive>": "DISABLED", "<ref:SweepFanOut>": "ENABLED"}
    assert transform({**AGENT, "SweepEnabled": "false"}).properties("SweepFanOutSweep")["State"] == "DISABLED"
    sweep = deployed.properties("SweepFunction")
    assert sweep["ReservedConcurrentExecutions"] == "25"
    assert sweep["Timeout"] == 280  # each run ends inside its Express child's 290 s
    assert sweep["Environment"]["Variables"]["QFPAY_ALLOWED_MCHIDS"] == "*"
    fan_out = deployed.properties("SweepFanOut")
    assert fan_out["DefinitionSubstitutions"]["SweepFunctionArn"] == "<ref:SweepFunctionAliaslive>"
    assert fan_out["DefinitionSubstitutions"]["MerchantConcurrency"] == "25"


def test_merchantList_theFanOutInvokesOnlyTheSweepAlias_andReadsOnlyTheList():
    deployed = transform(AGENT)
    role = deployed.properties(deployed.properties("SweepFanOut")["RoleArn"][len("<getatt:"):-len(".Arn>")])
    granted = {}
    for policy in role["Policies"]:
        for s in policy["PolicyDocument"]["Statement"]:
            for action in as_list(s["Action"]):
                granted.setdefault(action, []).extend(as_list(s["Resource"]))
    assert granted["lambda:InvokeFunction"] == ["<ref:SweepFunctionAliaslive>"]
    lists = [f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/qfpay/prod/sweep-mchids"] + [
        f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/qfpay/prod/sweep-mchids-{n}" for n in range(2, 11)]
    assert granted["ssm:GetParameters"] == lists
    own = f"arn:aws:states:{REGION}:{ACCOUNT}:stateMachine:qfpay-reversal-sweep-fan-out"
    assert granted["states:StartExecution"] == [own]
    assert set(granted) == {"ssm:GetParameters", "lambda:InvokeFunction", "states:StartExecution",
                            "states:DescribeExecution", "states:StopExecution"}
