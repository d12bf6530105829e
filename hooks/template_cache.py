"""Compile each Jinja template once instead of once a language (and once a `mkdocs serve` rebuild).

The i18n plugin builds every language with a fresh Jinja environment, so Material's
templates and ours would be parsed and compiled again for each language: about 0.2 s a
build on the 10-page synthetic site, most of a small site's template time. Every
environment shares one in-memory bytecode cache (src/bilingual_site/template_cache.py);
the compiled code does not depend on the language, whose texts are looked up when a page
is rendered. MkDocs loads a hook
once a process, so under `mkdocs serve` the cache also serves every rebuild: Jinja checks
each template's source checksum, and an edited template is compiled afresh.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from bilingual_site.template_cache import MemoryBytecodeCache

_cache = MemoryBytecodeCache()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _cache
    return env
