"""Tiny project trees for the translation tool, written in-process: a mkdocs.yml and some pages."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

from sitebuild import PROJECT

SITE_MARKDOWN_EXTENSIONS = yaml_load((PROJECT / "mkdocs.yml").read_bytes())["markdown_extensions"]


def write_tree(
    root: Path, files: dict[str, str], languages: tuple[str, ...] = ("fr", "en"), typography: dict[str, str] | None = None,
) -> Path:
    """A project whose i18n plugin declares ``languages`` (the first is the default), plus ``files``;
    ``typography`` gives languages an `extra.typography` convention."""
    typography = typography or {}
    entries = "".join(
        f"        - locale: {code}\n"
        + ("          default: true\n" if index == 0 else "")
        + (f"          extra:\n            typography: {typography[code]}\n" if code in typography else "")
        for index, code in enumerate(languages)
    )
    # The real site's Markdown extensions: the tool reads pages as MkDocs renders them with these.
    extensions = yaml.safe_dump({"markdown_extensions": SITE_MARKDOWN_EXTENSIONS}, sort_keys=False)
    (root / "mkdocs.yml").write_text(
        "site_name: Fixture\nplugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n" + entries + extensions,
        encoding="utf-8",
    )
    shutil.copytree(PROJECT / "data", root / "data")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root
