"""What the quality scripts share: the project's path, a strict build, the list of built pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(site_dir: Path, site_url: str, project: Path = PROJECT, **env: str) -> Path:
    """`mkdocs build --strict` of ``project`` into ``site_dir``, with SITE_URL (and ``env``) set."""
    subprocess.run(
        [str(MKDOCS), "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **env},
        check=True,
    )
    return site_dir


def built_html_pages(site: Path) -> list[str]:
    """Site-relative URLs of every built HTML page, 404 pages included, theme assets left out."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if "assets" not in path.parts)
