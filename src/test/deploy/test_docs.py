"""docs/deploy.md's parameter table against template.yaml: every parameter, its default, nothing else."""
import re

from cfn import ROOT, source

ROW = re.compile(r"^\| `([A-Za-z0-9]+)` \| (`[^|]*`|empty) \|")


def test_deployDoc_listsEveryParameterWithItsDefault():
    documented = {}
    for line in (ROOT / "docs" / "deploy.md").read_text().splitlines():
        row = ROW.match(line)
        if row:
            assert row.group(1) not in documented, f"{row.group(1)} documented twice"
            documented[row.group(1)] = row.group(2)
    template = {name: f"`{p['Default']}`" if str(p.get("Default", "")) != "" else "empty"
                for name, p in source()["Parameters"].items()}
    assert documented == template
