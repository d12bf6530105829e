"""The package keeps its boundaries: only bilingual_site.mkdocs imports MkDocs, Material or the i18n plugin.

The rest (markdown, translation, checks, site, parallel) is plain Python that a change of site
generator would keep; the commands (translation.cli, tools) may read mkdocs.yml through
bilingual_site.mkdocs.config_file. Read from each module's syntax tree, not by running it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "bilingual_site"
MKDOCS_SIDE = ("mkdocs", "material", "mkdocs_static_i18n", "bilingual_site.mkdocs")
COMMANDS = {"bilingual_site.translation.cli", "bilingual_site.tools.external_links"}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found.append((".".join(part for part in parts if part != "__init__"), path))
    return found


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def reaches_mkdocs(name: str) -> bool:
    return any(name == side or name.startswith(side + ".") for side in MKDOCS_SIDE)


@pytest.mark.parametrize("module, path", [item for item in modules() if not item[0].startswith("bilingual_site.mkdocs")], ids=lambda value: str(value))
def test_only_the_mkdocs_part_imports_mkdocs(module, path):
    allowed = {"bilingual_site.mkdocs.config_file"} if module in COMMANDS else set()
    offending = {name for name in imported(path) if reaches_mkdocs(name) and not any(name.startswith(ok) for ok in allowed)}
    assert offending == set(), f"{module} imports {sorted(offending)}"


def test_the_check_sees_an_import_of_mkdocs(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from mkdocs.utils import get_relative_url\nimport material.plugins\nfrom bilingual_site.mkdocs import plugin\n", encoding="utf-8")
    assert {name for name in imported(sample) if reaches_mkdocs(name)} == {
        "mkdocs.utils", "mkdocs.utils.get_relative_url", "material.plugins", "bilingual_site.mkdocs", "bilingual_site.mkdocs.plugin",
    }


def test_no_module_keeps_state_in_globals():
    """Run state lives on the plugin instance: no module rebinds a global."""
    rebinding = [
        f"{module}:{node.lineno}"
        for module, path in modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Global)
    ]
    assert rebinding == []


def test_no_source_file_is_left_out_of_git_by_an_ignore_rule():
    """A rule for the built site once matched src/bilingual_site/site/ too: its __init__.py never
    reached a clone, and a module added there would not have either. Tracked files an ignore rule
    matches are listed too (a fresh clone has only those), and the rules read are the project's
    own, not a contributor's global excludes file."""
    import subprocess

    root = PACKAGE.parent.parent
    folders = ["src", "tests", "overrides", "docs", "data", "scripts", "translations"]
    listed = subprocess.run(
        ["git", "-c", "core.excludesFile=", "ls-files", "--cached", "--others", "--ignored", "--exclude-standard", "--", *folders],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    made_by_tools = [path for path in listed if any(part == "__pycache__" or part.endswith(".egg-info") for part in path.split("/"))]
    assert [path for path in listed if path and path not in made_by_tools] == []
