"""Benchmark of the translation tool and of the build cost of the translation status hooks.

    .venv/bin/python scripts/translation_benchmark.py [--pairs 1000] [--build-pairs 200]

1. Generates a tree of PAIRS French pages with their English translations (each
   with headings, a table and links), records them, then changes one section in
   one page out of ten and deletes one translation out of twenty.
2. Times `translations status` and `translations check` on it, in-process and as
   the command a contributor runs (a new Python process each).
3. Builds the real site's configuration over BUILD_PAIRS generated pairs, timing
   the translation status hooks' handlers inside the build, and prints their share.

Prints figures only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilingual_site.translation import cli as translations
from bilingual_site.mkdocs.config_file import load_project

PROJECT = Path(__file__).resolve().parent.parent
STATUS_HOOKS = ("hooks/translation_status.py", "hooks/translation_report.py")

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
    """The real project (configuration, hooks, templates, data, pages) plus PAIRS generated page pairs."""
    root.mkdir(parents=True)
    for part in ("mkdocs.yml", "data", "hooks", "overrides", "docs"):
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


def timed_build(root: Path) -> tuple[float, float]:
    """(whole build, time spent inside the status hooks' event handlers) for one strict-less build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # nav=None: the generated pages are not in the real navigation, so MkDocs builds one.
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=False, nav=None)
    spent = [0.0]
    status_modules = {config.hooks[name] for name in STATUS_HOOKS}

    def timed(handler):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start
        return run

    # Other hooks read what the status hooks provide, so they cannot simply be left out:
    # their handlers are timed where MkDocs registered them instead.
    for event, handlers in config.plugins.events.items():
        config.plugins.events[event] = [
            timed(handler) if getattr(handler, "__module__", None) in {module.__name__ for module in status_modules} else handler
            for handler in handlers
        ]
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start, spent[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--build-pairs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # generated pages are outside the real nav
    with tempfile.TemporaryDirectory() as scratch:
        time_commands(generate_tree(Path(scratch) / "tools", arguments.pairs))
        root = generate_tree(Path(scratch) / "build", arguments.build_pairs)
        runs = [timed_build(root) for _ in range(arguments.runs)]
        total, hooks = min(runs)
        print(f"build of {arguments.build_pairs} page pairs (fastest of {arguments.runs}): {total:.2f} s, "
              f"of which the translation status hooks {hooks:.3f} s ({100 * hooks / total:.1f}%)")

if __name__ == "__main__":
    main()
