"""Supply chain: actions pinned by commit SHA, least-privilege tokens, deploy from main only and after the
tests, every job bounded in time and concurrency, hashed locks with no machine-local index lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from packaging.requirements import InvalidRequirement, Requirement

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
LOCKS = sorted(ROOT.glob("requirements*.txt"))
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
    # ./ is a workflow of this repository, read at the commit being run: nothing to pin.
    assert [use for use in uses if not PINNED.match(use) and not use.startswith("./.github/workflows/")] == []


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


def called_workflow(job: dict) -> Path | None:
    """The repository's own workflow a job calls (``uses: ./.github/workflows/x.yml``), if it calls one."""
    uses = job.get("uses")
    return ROOT / uses if uses and uses.startswith("./") else None


def jobs_before(jobs: dict, name: str) -> set[str]:
    """Every job that must finish before ``name`` starts, through `needs` chains."""
    needs = jobs[name].get("needs", [])
    direct = {needs} if isinstance(needs, str) else set(needs)
    return direct.union(*(jobs_before(jobs, need) for need in direct))


def test_the_deploy_publishes_only_what_passed_the_tests():
    document = workflow(ROOT / ".github/workflows/deploy.yml")
    jobs = document["jobs"]
    testing = {name for name, job in jobs.items() if called_workflow(job) == ROOT / ".github/workflows/test.yml"}
    assert testing, "deploy.yml does not run test.yml"
    assert "workflow_call" in triggers(ROOT / ".github/workflows/test.yml")
    for name, job in jobs.items():
        if "upload-pages-artifact" in str(job.get("steps")) or job.get("permissions", {}).get("pages") == "write":
            assert testing <= jobs_before(jobs, name), f"deploy.yml: job {name} does not wait for the tests"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_a_time_limit(path):
    for name, job in workflow(path)["jobs"].items():
        called = called_workflow(job)
        if called is None:
            assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 60, f"{path.name}: job {name}"
        else:
            # A job calling a workflow takes no timeout-minutes (GitHub refuses the file): the called jobs carry theirs.
            assert "timeout-minutes" not in job, f"{path.name}: job {name}"
            assert all("timeout-minutes" in called_job for called_job in workflow(called)["jobs"].values()), called.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_its_own_concurrency_group(path):
    document = workflow(path)
    groups = [job.get("concurrency", {}).get("group") for job in document["jobs"].values()]
    assert None not in groups, path.name
    assert len(set(groups)) == len(groups), f"{path.name}: jobs share a concurrency group"
    # A workflow-level group named like a job's would make the job wait for its own run.
    assert "concurrency" not in document, path.name


def test_pull_request_tests_cancel_superseded_runs_and_main_runs_are_never_cancelled():
    tests = workflow(ROOT / ".github/workflows/test.yml")["jobs"]["test"]["concurrency"]
    assert "github.ref" in tests["group"]  # one group per pull request: two pull requests never cancel each other
    assert tests["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    for name, job in workflow(ROOT / ".github/workflows/deploy.yml")["jobs"].items():
        assert job["concurrency"]["cancel-in-progress"] is False, name


def test_the_job_summary_is_written_through_the_escaping_writer():
    """Contributed text reaches $GITHUB_STEP_SUMMARY only through bilingual_site.tools.job_summary (tests/test_job_summary.py)."""
    writes = [
        line
        for path in WORKFLOWS
        for job in workflow(path)["jobs"].values()
        for step in job.get("steps", [])
        for line in step.get("run", "").splitlines()
        if "GITHUB_STEP_SUMMARY" in line
    ]
    assert writes
    assert [line for line in writes if "-m bilingual_site.tools.job_summary " not in line] == []


def test_checkout_keeps_no_credentials():
    for path in WORKFLOWS:
        for job in workflow(path)["jobs"].values():
            for step in job.get("steps", []):  # a job calling a reusable workflow has none of its own
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_dependabot_updates_python_packages_and_actions():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions"}


def logical_lines(text: str) -> list[list[str]]:
    """A requirements file's lines as pip reads them, split into words: a trailing backslash joins
    the next line, and a word starting with ``#`` begins a comment."""
    lines = []
    for line in text.replace("\\\n", " ").splitlines():
        words = line.split()
        comment = next((index for index, word in enumerate(words) if word.startswith("#")), len(words))
        if words[:comment]:
            lines.append(words[:comment])
    return lines


def lock_problems(text: str) -> list[str]:
    """What keeps a lock file from being exact: option lines, unpinned or unhashed requirements."""
    problems = []
    for words in logical_lines(text):
        options = [word for word in words if word.startswith("-")]
        hashes = [word for word in options if re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", word)]
        specification = " ".join(word for word in words if not word.startswith("-"))
        if words[0].startswith("-"):
            problems.append(f"option line {' '.join(words)!r}: a lock carries no index, wheel-folder or other option")
            continue
        if len(hashes) != len(options):
            problems.append(f"{specification}: options other than --hash=sha256")
        try:
            requirement = Requirement(specification)
        except InvalidRequirement:
            problems.append(f"{specification}: not a requirement")
            continue
        pins = [spec for spec in requirement.specifier if spec.operator == "==" and "*" not in spec.version]
        if requirement.url or len(pins) != 1 or len(requirement.specifier) != 1:
            problems.append(f"{specification}: not pinned with == to one version")
        if not hashes:
            problems.append(f"{specification}: no hash")
    return problems


def test_the_lock_checker_finds_what_it_must():
    bad = (
        "--extra-index-url file:///opt/pypi/simple\n"
        "--find-links /opt/wheels\n"
        "-i https://mirror.example/simple\n"
        "good==1.0 \\\n    --hash=sha256:" + "a" * 64 + "\n"
        "loose>=1.0 \\\n    --hash=sha256:" + "b" * 64 + "\n"
        "nohash==2.0  # via pip-tools\n"
        "wild==1.* --hash=sha256:" + "c" * 64 + "\n"
        "remote @ https://evil.example/remote.whl --hash=sha256:" + "d" * 64 + "\n"
        "trusted==1.0 --trusted-host evil.example --hash=sha256:" + "e" * 64 + "\n"
    )
    problems = lock_problems(bad)
    assert len([problem for problem in problems if problem.startswith("option line")]) == 3
    assert not any(problem.startswith("good") for problem in problems)
    for name in ("loose", "nohash", "wild", "remote", "trusted"):
        assert any(problem.startswith(name) for problem in problems), name


def test_every_lock_has_its_source():
    assert [lock.name for lock in LOCKS] == ["requirements-dev.txt", "requirements-lock.txt", "requirements.txt"]
    for lock in LOCKS:
        assert lock.with_suffix(".in").is_file(), lock.name


@pytest.mark.parametrize("lock", LOCKS, ids=lambda path: path.name)
def test_every_locked_package_has_an_exact_version_and_hashes_and_no_index_lines(lock):
    text = lock.read_text(encoding="utf-8")
    assert "==" in text
    assert lock_problems(text) == []


def test_the_lock_tool_is_installed_from_its_hashed_lock():
    tasks = (ROOT / "tasks.sh").read_text(encoding="utf-8")
    lock_task = tasks[tasks.index("\n  lock)") : tasks.index(";;", tasks.index("\n  lock)"))]
    assert "--require-hashes -r requirements-lock.txt" in lock_task
    locked = {Requirement(words[0]).name for words in logical_lines((ROOT / "requirements-lock.txt").read_text(encoding="utf-8"))}
    assert "pip-tools" in locked
    assert "--no-emit-index-url --no-emit-find-links" in lock_task
    # Every pip install in tasks.sh is hash-checked, but the project's own editable package.
    for line in tasks.splitlines():
        if "pip install" in line:
            assert "--require-hashes" in line or ("--no-deps" in line and line.rstrip().endswith("-e .")), line


def test_security_policy_says_how_to_report_privately():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "Report a vulnerability" in text and "public issue" in text
    assert "@" not in text  # no e-mail address: reports go through GitHub's private reporting
