"""A build that fails leaves no site behind.

MkDocs writes every page before strict mode counts its warnings (a broken link or anchor), so
a strict failure would otherwise leave a complete-looking site/ that a careless upload could
publish. On any build error the site directory is emptied. `mkdocs serve` is left alone: it
keeps serving the last good build while the author fixes the error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

_serving = False
_site_dir: Path | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> None:
    global _site_dir
    _site_dir = Path(config.site_dir)


def on_build_error(error: Exception) -> None:
    if _serving or _site_dir is None or not _site_dir.is_dir():
        return
    # Contents only, like MkDocs' own cleaning: the folder may be a mount point or a served root.
    for entry in _site_dir.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
