"""Benchmark of the translation tool on a large tree.

    .venv/bin/python scripts/translation_benchmark.py [--pairs 1000]

1. Generates a tree of PAIRS French pages with their English translations (each
   with headings, a table and links), records them, then changes one section in
   one page out of ten and deletes one translation out of twenty.
2. Times `translations status` and `translations check` on it, in-process and as
   the command a contributor runs (a new Python process each).

What the build spends on translation statuses is in the build benchmark's per-event times
(scripts/build_benchmark.py: on_pre_build and on_env).

Prints figures only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilingual_site.translation import cli as translations
from bilingual_site.mkdocs.config_file import load_project

PROJECT = Path(__file__).resolve().parent.parent

FRENCH = """\
---
title: Page {n}
description: Page générée numéro {n}.
---

# Page {n} {{#page-{n}}}

Une introduction qui présente le moteur d'inférence de la page {n}.

## Contexte {{#context}}

Le contexte de la page {n}, avec un [lien](https://example.org/{n}) et un [autre](page-{m}.md).

| Fournisseur | Valeur |
|---|---|
| A | {n} |
| B | {m} |

## Détails {{#details}}

Des détails sur la page {n}.

### Exemple {{#example}}

```python
print({n})
```
"""

ENGLISH = """\
---
title: Page {n}
description: Generated page number {n}.
---

# Page {n} {{#page-{n}}}

An introduction to the inference engine of page {n}.

## Context {{#context}}

The context of page {n}, with a [link](https://example.org/{n}) and [another](page-{m}.md).

| Provider | Value |
|---|---|
| A | {n} |
| B | {m} |

## Details {{#details}}

Details about page {n}.

### Example {{#example}}

```python
print({n})
```
"""


def generate_tree(root: Path, pairs: int) -> Path:
    """The real project (configuration, templates, data, pages) plus PAIRS generated page pairs."""
    root.mkdir(parents=True)
    for part in ("mkdocs.yml", "data", "overrides", "docs"):
        source = PROJECT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    for language, template in (("fr", FRENCH), ("en", ENGLISH)):
        folder = root / "docs" / language  # the real pages, so their links resolve, plus generated ones
        for n in range(pairs):
            (folder / f"page-{n}.md").write_text(template.format(n=n, m=(n + 1) % pairs), encoding="utf-8")
    project = load_project(root / "mkdocs.yml")
    outcome = translations.record(project, [("en", page) for page in project.pages("fr")], datetime.date(2026, 11, 26))
    assert outcome.code == 0, outcome.text
    for n in range(0, pairs, 10):  # one page in ten: the original changed since translation
        path = root / "docs/fr" / f"page-{n}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Des détails", "Davantage de détails"), encoding="utf-8")
    for n in range(5, pairs, 20):  # one in twenty: not translated
        (root / "docs/en" / f"page-{n}.md").unlink()
    return root


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def time_commands(root: Path) -> None:
    project = load_project(root / "mkdocs.yml")
    status = translations.status(project)
    outdated = sum(1 for item in status.data if item["status"] == "outdated")
    untranslated = sum(1 for item in status.data if item["status"] == "untranslated")
    print(f"tree: {len(project.pages('fr'))} French pages, {outdated} outdated and {untranslated} untranslated in English")
    for name, action in (("status", lambda: translations.status(project)), ("check", lambda: translations.check(project))):
        print(f"  {name:<7} in-process: {best_of(3, action):6.2f} s")
    for name in ("status", "check"):
        seconds = best_of(3, lambda: subprocess.run(
            [sys.executable, "-m", "bilingual_site.translation.cli", name, "--project", str(root)],
            stdout=subprocess.DEVNULL, check=False,
        ))
        print(f"  {name:<7} command:    {seconds:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        time_commands(generate_tree(Path(scratch) / "tools", arguments.pairs))

if __name__ == "__main__":
    main()
