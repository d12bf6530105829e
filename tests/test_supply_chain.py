"""Supply chain: actions pinned by commit SHA, least-privilege tokens, deploy from main only, hashed locks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def uses_lines(path: Path) -> list[str]:
    return [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)]


def workflow(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(path: Path) -> dict:
    document = workflow(path)
    return document.get("on", document.get(True))  # YAML 1.1 reads a bare `on` key as True


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_full_commit_sha_with_its_version(path):
    uses = uses_lines(path)
    assert uses, path
    assert [use for use in uses if not PINNED.match(use)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_tokens_are_empty_by_default_and_granted_per_job(path):
    document = workflow(path)
    assert document["permissions"] == {}
    for name, job in document["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} has no permissions"
        assert "write-all" not in str(job["permissions"])


def test_only_the_deploy_job_may_write_and_only_to_pages():
    for path in WORKFLOWS:
        for name, job in workflow(path)["jobs"].items():
            writes = {scope for scope, level in job["permissions"].items() if level == "write"}
            expected = {"pages", "id-token"} if (path.name, name) == ("deploy.yml", "deploy") else set()
            assert writes == expected, (path.name, name)


def test_deploy_runs_from_main_only():
    path = ROOT / ".github/workflows/deploy.yml"
    assert triggers(path)["push"]["branches"] == ["main"]
    for name, job in workflow(path)["jobs"].items():
        assert job.get("if") == "github.ref == 'refs/heads/main'", name


def test_checkout_keeps_no_credentials():
    for path in WORKFLOWS:
        for job in workflow(path)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_dependabot_updates_python_packages_and_actions():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions"}


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-dev.txt"])
def test_every_locked_package_has_an_exact_version_and_hashes(lock):
    text = (ROOT / lock).read_text(encoding="utf-8")
    requirements = re.findall(r"^([A-Za-z0-9_.\[\]-]+)(==[^\s\\]+)?[ \\]*\n((?:\s+--hash=sha256:[0-9a-f]{64}[ \\]*\n)*)", text, re.M)
    assert requirements
    for name, version, hashes in requirements:
        assert version and hashes, f"{lock}: {name} is not pinned with hashes"


def test_security_policy_says_how_to_report_privately():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "Report a vulnerability" in text and "public issue" in text
    assert "@" not in text  # no e-mail address: reports go through GitHub's private reporting
