"""The template as CloudFormation deploys it: SAM-transformed with parameter values, then resolved.

`transform` runs the SAM translator (as CloudFormation's AWS::Serverless transform does, with the
parameter values); `resolve` evaluates what CloudFormation evaluates at deploy time (Ref, Fn::Sub,
Fn::If with the template's conditions, Fn::Join). References to resources stay symbolic
("<ref:Id>", "<getatt:Id.Attr>"), so two deployments can be compared property by property.
"""
import copy
import os
import re
from pathlib import Path

from samtranslator.parser import parser
from samtranslator.translator.translator import Translator
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = Path(os.environ.get("QFPAY_TEMPLATE", ROOT / "template.yaml"))
REGION = "ap-east-1"
ACCOUNT = "123456789012"
NO_VALUE = object()

# The translator looks managed policies up in IAM; offline, the only one SAM may add is known.
MANAGED_POLICIES = {
    "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
}


def source():
    return yaml_parse(TEMPLATE.read_text())


def parameter_values(template, overrides):
    values = {name: str(p.get("Default", "")) for name, p in template["Parameters"].items()}
    unknown = set(overrides) - set(values)
    assert not unknown, f"no such template parameters: {unknown}"
    values.update({k: str(v) for k, v in overrides.items()})
    return values


def transform(overrides=None, template=None):
    """CloudFormation after the SAM transform, and the parameter values it was given."""
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    template = copy.deepcopy(template or source())
    values = parameter_values(template, overrides or {})
    # `sam deploy` uploads CodeUri and puts the S3 location here; the translator accepts only that.
    template["Globals"]["Function"]["CodeUri"] = "s3://deploy-bucket/function.zip"
    translated = Translator(managed_policy_map=MANAGED_POLICIES, sam_parser=parser.Parser()).translate(
        sam_template=template, parameter_values=dict(values))
    return Deployed(translated, values)


class Deployed:
    def __init__(self, template, values, stack_name="qfpay-reversal"):
        self.template = template
        self.values = values
        self.stack_name = stack_name
        self.resources = template["Resources"]

    def of_type(self, type_name):
        """The resources of a type that CloudFormation creates (those whose condition holds)."""
        return {k: v for k, v in self.resources.items() if v["Type"] == type_name
                and ("Condition" not in v or self.condition(v["Condition"]))}

    def condition(self, name):
        return self._condition(self.template.get("Conditions", {})[name])

    def _condition(self, expr):
        (fn, arg), = expr.items()
        if fn == "Fn::Equals":
            a, b = (self.resolve(x) for x in arg)
            return str(a) == str(b)
        if fn == "Fn::And":
            return all(self._condition(x) for x in arg)
        if fn == "Fn::Or":
            return any(self._condition(x) for x in arg)
        if fn == "Fn::Not":
            return not self._condition(arg[0])
        if fn == "Condition":
            return self.condition(arg)
        raise AssertionError(f"condition function {fn} not supported")

    def pseudo(self, name):
        return {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws",
                "AWS::StackName": self.stack_name, "AWS::URLSuffix": "amazonaws.com",
                "AWS::NoValue": NO_VALUE}.get(name)

    def ref(self, name):
        if name in self.values:
            return self.values[name]
        value = self.pseudo(name)
        if value is not None:
            return value
        assert name in self.resources, f"Ref to unknown {name}"
        return f"<ref:{name}>"

    def resolve(self, value):
        if isinstance(value, list):
            items = [self.resolve(v) for v in value]
            return [v for v in items if v is not NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (fn, arg), = value.items()
            if fn == "Ref":
                return self.ref(arg)
            if fn == "Fn::GetAtt":
                target = arg if isinstance(arg, list) else arg.split(".", 1)
                return f"<getatt:{target[0]}.{target[1]}>"
            if fn == "Fn::Sub":
                text, names = (arg, {}) if isinstance(arg, str) else (arg[0], self.resolve(arg[1]))
                return re.sub(r"\$\{([^}]+)\}", lambda m: self._sub(m.group(1), names), text)
            if fn == "Fn::If":
                return self.resolve(arg[1] if self.condition(arg[0]) else arg[2])
            if fn == "Fn::Join":
                return arg[0].join(str(v) for v in self.resolve(arg[1]))
        resolved = {k: self.resolve(v) for k, v in value.items()}
        return {k: v for k, v in resolved.items() if v is not NO_VALUE}

    def _sub(self, name, names):
        if name in names:
            return str(names[name])
        if "." in name and name.split(".")[0] in self.resources:
            return f"<getatt:{name}>"
        return str(self.ref(name))

    def properties(self, logical_id):
        resource = self.resources[logical_id]
        if "Condition" in resource and not self.condition(resource["Condition"]):
            return None
        return self.resolve(resource.get("Properties", {}))

    def alias_version(self, function_id, alias="live"):
        """The logical id and resolved properties of the version `function_id`'s alias points to."""
        for alias_id, resource in self.of_type("AWS::Lambda::Alias").items():
            props = resource["Properties"]
            if props["FunctionName"] == {"Ref": function_id} and props["Name"] == alias:
                version_id = props["FunctionVersion"]["Fn::GetAtt"][0]
                return alias_id, version_id, self.properties(version_id)
        raise AssertionError(f"{function_id} has no alias {alias}")

    def parameters_reaching(self, logical_id):
        """Template parameters a resource's properties depend on, directly or through conditions."""
        found = set()

        def walk(value):
            if isinstance(value, dict):
                for fn, arg in value.items():
                    if fn == "Ref" and isinstance(arg, str) and arg in self.values:
                        found.add(arg)
                    elif fn == "Fn::Sub":
                        text = arg if isinstance(arg, str) else arg[0]
                        found.update(n for n in re.findall(r"\$\{([^}.]+)\}", text) if n in self.values)
                        walk(arg if isinstance(arg, str) else arg[1])
                    elif fn in ("Fn::If",):
                        walk_condition(arg[0])
                        walk(arg[1:])
                    elif fn == "Condition":
                        walk_condition(arg)
                    else:
                        walk(arg)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        def walk_condition(name):
            walk(self.template["Conditions"][name])

        walk(self.resources[logical_id].get("Properties", {}))
        return found
