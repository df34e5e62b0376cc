"""Pull requests stay previews: the workflow's PR job is read-only, uses no secrets and saves no cache
that main could restore; only main deploys (tests/test_make_targets.py checks the make targets)."""

from __future__ import annotations

import json

import yaml

from conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
JOBS = WORKFLOW["jobs"]


def runs_on_pull_requests(job: dict) -> bool:
    condition = job.get("if", "")
    return "github.event_name != 'pull_request'" not in condition


def uses(job: dict) -> list[str]:
    return [step.get("uses", "").split("@")[0] for step in job.get("steps", [])]


def test_no_trigger_runs_pull_request_code_with_main_rights():
    triggers = WORKFLOW.get("on", WORKFLOW.get(True))     # YAML 1.1 reads the key 'on' as true
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers
    assert WORKFLOW["permissions"] == {"contents": "read"}


def test_the_pull_request_job_is_read_only_and_saves_nothing():
    jobs = {name: job for name, job in JOBS.items() if runs_on_pull_requests(job)}
    assert list(jobs) == ["preview"] and jobs["preview"]["if"] == "github.event_name == 'pull_request'"
    job = jobs["preview"]
    assert job["permissions"] == {"contents": "read"}
    assert "secrets." not in json.dumps(job) and "secrets" not in job
    steps = job["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    # a cache this job wrote is the PR author's: restore only, and no setup-python pip cache
    assert "actions/cache" not in uses(job) and "actions/cache/restore" in uses(job)
    assert all("cache" not in step.get("with", {}) for step in steps if "setup-python" in step.get("uses", ""))
    restore = next(step for step in steps if step.get("uses", "").startswith("actions/cache/restore@"))
    keys = [restore["with"]["key"], *restore["with"]["restore-keys"].split()]
    assert all(key.startswith("build-cache-main-") for key in keys)
    assert not {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} & set(uses(job))
    assert "actions/upload-artifact" in uses(job)


def test_only_main_deploys():
    deploy = next(job for job in JOBS.values() if "actions/deploy-pages" in uses(job))
    assert "github.ref == 'refs/heads/main'" in deploy["if"] and not runs_on_pull_requests(deploy)
    assert not runs_on_pull_requests(JOBS[deploy["needs"]])
    for job in JOBS.values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
