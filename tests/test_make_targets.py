"""The publish workflow calls make targets that exist (make devserver: tests/plugins/test_devserver.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, flags=re.MULTILINE))


def test_workflow_parses_and_calls_existing_make_targets():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))     # YAML 1.1 reads the key 'on' as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    called = [target for step in steps for target in re.findall(r"\bmake\s+([\w.-]+)", step.get("run", ""))]
    assert {"install", "check", "publish"} <= set(called)
    assert set(called) <= make_targets(), set(called) - make_targets()
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/upload-artifact" in uses and "actions/deploy-pages" in uses
    # The build cache `make html` uses (--cache-path $(OUTPUT).cache) and the site it keeps
    # unchanged pages from (PUBLISHED_PATH) are restored before the build.
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    build = next(step for step in steps if "make publish" in step.get("run", ""))
    assert cache["with"]["path"].split() == ["output.cache", "output"] and steps.index(cache) < steps.index(build)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--cache-path $(OUTPUT).cache" in makefile and "PUBLISHED_PATH=\"$(abspath $(OUTPUT))\"" in makefile
