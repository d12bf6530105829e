"""Golden files: each subcommand's output on a fixed project tree, compared to the text a reviewer approved.

tests/golden/tree/ holds one page per status (current, outdated with a changed, an added and
a removed section, untranslated, orphan) and one pair that breaks the structure and the glossary.
After an intended change of output, rewrite the files with
`UPDATE_GOLDEN=1 ./tasks.sh test tests/test_golden.py` and review their diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bilingual_site.translation.cli import main
from sitebuild import PROJECT

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(GOLDEN / "tree", root)
    shutil.copytree(PROJECT / "data", root / "data")  # the glossary the lint reads
    return root


@pytest.mark.parametrize(
    "arguments, expected_code, golden",
    [
        (["status"], 1, "status.txt"),
        (["status", "--json"], 1, "status.json"),
        (["diff", "outdated.md"], 1, "diff-outdated.txt"),
        (["diff", "current.md"], 0, "diff-current.txt"),
        (["check"], 1, "check.txt"),
        (["check", "--json"], 1, "check.json"),
        (["check", "current.md"], 0, "check-current.txt"),
        (["glossary"], 1, "glossary.txt"),
    ],
)
def test_subcommand_output_matches_its_golden_file(tree, capsys, arguments, expected_code, golden):
    code = main([*arguments, "--project", str(tree)])
    out = capsys.readouterr().out
    path = GOLDEN / "expected" / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert code == expected_code
    assert out == path.read_text(encoding="utf-8")


def test_record_and_cosmetic_change_the_tree_as_the_golden_status_says(tree, capsys):
    assert main(["record", "outdated.md", "--project", str(tree), "--date", "2026-11-26"]) == 1  # structure differs
    assert "not recorded: the structure of en/outdated.md differs" in capsys.readouterr().out
    english = tree / "docs/en/outdated.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("## Removed {#removed}\n\nA section the original no longer has.", "## Added {#added}\n\nA new section."),
        encoding="utf-8",
    )
    assert main(["record", "outdated.md", "--project", str(tree), "--date", "2026-11-26"]) == 0
    capsys.readouterr()
    main(["status", "--project", str(tree)])
    assert "en    outdated.md                      current" in capsys.readouterr().out
