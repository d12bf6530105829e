"""Keep strict link and anchor validation working under `mkdocs build -q` and `-v`.

Two MkDocs 1.6 behaviours would let a broken link or anchor through a strict build:
`--quiet` raises the `mkdocs` logger to ERROR, so validation warnings are never emitted and
strict mode counts none (mkdocs/mkdocs#4126); `--verbose` makes pages skip collecting links
to anchors, so anchors are not validated at all (mkdocs/mkdocs#3991). In strict mode the
logger is brought back to WARNING (fatal warnings are shown; INFO stays quiet), and the page
logger is kept above DEBUG so anchors are always collected.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> None:
    mkdocs_logger = logging.getLogger("mkdocs")
    if config.strict and mkdocs_logger.getEffectiveLevel() > logging.WARNING:
        mkdocs_logger.setLevel(logging.WARNING)
    # mkdocs.structure.pages collects links to anchors only when its logger is above DEBUG.
    pages_logger = logging.getLogger("mkdocs.structure.pages")
    if pages_logger.getEffectiveLevel() <= logging.DEBUG:
        pages_logger.setLevel(logging.INFO)
