#!/usr/bin/env python3
"""Checks template.yaml, after the SAM transform (as CloudFormation deploys it), for issue 14's
API and concurrency limits: who may call which route, stage throttling, reserved concurrency, the
sweep enabled on the sweep function only, and an https-only QFPay URL; and for issue 20's cancel
ledger: both functions may get, put and update its items, on its table only, and nothing else of
DynamoDB. Prints 'N passed, N failed'."""
import copy
import json
import os
import re
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "ap-east-1")
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

REVERSERS = "arn:aws:iam::123456789012:role/pos-reversals,arn:aws:iam::123456789012:role/ops"
READERS = "arn:aws:iam::123456789012:role/support"


class NoManagedPolicies:
    def load(self):
        return {}


def transformed(template, parameters):
    document = copy.deepcopy(template)
    document["Globals"]["Function"]["CodeUri"] = "s3://bucket/function.zip"  # as `sam package` leaves it
    return transform(document, parameters, NoManagedPolicies())["Resources"]


def of_type(resources, kind):
    return {name: r for name, r in resources.items() if r["Type"] == kind}


def statements(resources):
    (api,) = of_type(resources, "AWS::ApiGateway::RestApi").values()
    return api["Properties"]["Body"].get("x-amazon-apigateway-policy", {}).get("Statement", [])


def branch(statement, condition, taken):
    """A statement, or the chosen branch of an Fn::If on `condition`."""
    if isinstance(statement, dict) and "Fn::If" in statement and statement["Fn::If"][0] == condition:
        return statement["Fn::If"][1 if taken else 2]
    return statement


def denies(statements_, resource, condition, taken):
    """The Deny statements on `resource`, with Fn::If on `condition` resolved as `taken`."""
    found = []
    for s in statements_:
        s = branch(s, condition, taken)
        if isinstance(s, dict) and s.get("Effect") == "Deny" and s.get("Resource") == resource:
            found.append(s)
    return found


def only_roles(statement, parameter):
    """True when the Deny exempts exactly the roles of `parameter` (split from its comma list)."""
    arns = statement.get("Condition", {}).get("ArnNotLike", {}).get("aws:PrincipalArn")
    return arns == {"Fn::Split": [",", {"Ref": parameter}]} or arns == {"Fn::Split": [",", REVERSERS if parameter == "ApiReverserRoleArns" else READERS]}


LEDGER_ACTIONS = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]


def as_list(value):
    return value if isinstance(value, list) else [value]


def iam_statements(resources):
    """(holder, statement) for every statement of the stack's managed policies and roles' inline policies."""
    for name, resource in resources.items():
        props = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::ManagedPolicy":
            docs = [props["PolicyDocument"]]
        elif resource["Type"] == "AWS::IAM::Role":
            docs = [p["PolicyDocument"] for p in props.get("Policies", [])]
        else:
            continue
        for doc in docs:
            for statement in doc["Statement"]:
                yield name, statement


def ledger_checks(resources, check):
    """The cancel ledger: on-demand table with TTL; both functions name it and hold exactly its item actions."""
    tables = of_type(resources, "AWS::DynamoDB::Table")
    check("one DynamoDB table, the cancel ledger", list(tables) == ["CancelLedgerTable"])
    table = tables.get("CancelLedgerTable", {}).get("Properties", {})
    check("the ledger is on demand, with TTL on expires_at, encrypted",
          table.get("BillingMode") == "PAY_PER_REQUEST"
          and table.get("TimeToLiveSpecification") == {"AttributeName": "expires_at", "Enabled": True}
          and table.get("SSESpecification", {}).get("SSEEnabled") is True)
    functions = of_type(resources, "AWS::Lambda::Function")
    roles = of_type(resources, "AWS::IAM::Role")
    for function in ("ReversalFunction", "SweepFunction"):
        props = functions[function]["Properties"]
        role = roles.get(props["Role"]["Fn::GetAtt"][0], {}).get("Properties", {})
        check(f"{function} is told the ledger's table",
              props["Environment"]["Variables"].get("QFPAY_LEDGER_TABLE") == {"Ref": "CancelLedgerTable"})
        check(f"{function}'s role holds the ledger policy", {"Ref": "CancelLedgerPolicy"} in role.get("ManagedPolicyArns", []))
    dynamodb = [(holder, s) for holder, s in iam_statements(resources)
                if any(str(a).startswith("dynamodb:") for a in as_list(s.get("Action", [])))]
    check("DynamoDB is granted once, by CancelLedgerPolicy", [holder for holder, _ in dynamodb] == ["CancelLedgerPolicy"])
    check("only GetItem, PutItem and UpdateItem, on the ledger table's ARN only", all(
        sorted(as_list(s["Action"])) == LEDGER_ACTIONS and s.get("Effect") == "Allow"
        and as_list(s["Resource"]) == [{"Fn::GetAtt": ["CancelLedgerTable", "Arn"]}] for _, s in dynamodb))


def main(path):
    template = yaml_parse(open(path).read())
    default = transformed(template, {})
    named = transformed(template, {"ApiReverserRoleArns": REVERSERS, "ApiReaderRoleArns": READERS})
    results = []

    def check(name, ok):
        results.append((name, bool(ok)))

    for label, resources, taken in (("default (no roles named)", default, False), ("roles named", named, True)):
        policy = statements(resources)
        post = denies(policy, "execute-api:/*/POST/reversals", "HasApiReversers", taken)
        get = denies(policy, "execute-api:/*/GET/transactions", "HasApiReaders", taken)
        if taken:
            check(f"{label}: POST /reversals denied to all but ApiReverserRoleArns",
                  len(post) == 1 and only_roles(post[0], "ApiReverserRoleArns"))
            check(f"{label}: GET /transactions denied to all but ApiReaderRoleArns",
                  len(get) == 1 and only_roles(get[0], "ApiReaderRoleArns"))
        else:
            check(f"{label}: POST /reversals denied to everyone", len(post) == 1 and "Condition" not in post[0])
            check(f"{label}: GET /transactions denied to everyone", len(get) == 1 and "Condition" not in get[0])
        check(f"{label}: every other route denied", any(
            isinstance(s, dict) and s.get("Effect") == "Deny" and sorted(s.get("NotResource", [])) == sorted(
                ["execute-api:/*/POST/reversals", "execute-api:/*/GET/transactions"]) for s in policy))

    (api,) = of_type(default, "AWS::ApiGateway::RestApi").values()
    methods = [m for p in api["Properties"]["Body"]["paths"].values() for m in p.values()]
    check("every API method needs SigV4 (AWS_IAM)", methods and all({"AWS_IAM": []} in m.get("security", []) for m in methods))

    stages = of_type(default, "AWS::ApiGateway::Stage").values()
    settings = [s for stage in stages for s in stage["Properties"].get("MethodSettings", [])]
    check("stage throttling: rate and burst from parameters, on every method", any(
        s.get("ResourcePath") == "/*" and s.get("HttpMethod") == "*"
        and s.get("ThrottlingRateLimit") == {"Ref": "ApiThrottlingRateLimit"}
        and s.get("ThrottlingBurstLimit") == {"Ref": "ApiThrottlingBurstLimit"} for s in settings))

    functions = of_type(default, "AWS::Lambda::Function")
    reversal, sweep = functions["ReversalFunction"]["Properties"], functions["SweepFunction"]["Properties"]
    check("ReversalFunction has reserved concurrency from ReversalReservedConcurrency",
          reversal.get("ReservedConcurrentExecutions") == {"Ref": "ReversalReservedConcurrency"})
    check("SweepFunction has reserved concurrency 1 (SweepMerchantConcurrency with a merchant list)",
          sweep.get("ReservedConcurrentExecutions") == {"Fn::If": ["HasMerchantList", {"Ref": "SweepMerchantConcurrency"}, 1]})
    check("the sweep is enabled on SweepFunction", sweep["Environment"]["Variables"].get("QFPAY_SWEEP_ENABLED") == "true")
    check("the sweep is not enabled on ReversalFunction",
          reversal["Environment"]["Variables"].get("QFPAY_SWEEP_ENABLED") in (None, "false"))

    ledger_checks(default, check)

    base_url = template["Parameters"]["QfpayBaseUrl"]
    pattern = base_url.get("AllowedPattern")
    check("QfpayBaseUrl: https only (AllowedPattern)", pattern is not None
          and re.fullmatch(pattern, base_url["Default"])
          and not re.fullmatch(pattern, "http://openapi-hk.qfapi.com")
          and not re.fullmatch(pattern, "http://127.0.0.1:8080"))

    for name, ok in results:
        print(("ok     " if ok else "FAILED ") + name)
    failed = sum(1 for _, ok in results if not ok)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
