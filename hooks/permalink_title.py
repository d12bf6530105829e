"""Heading permalinks titled in the page's language.

`markdown_extensions` cannot be overridden per language by the i18n plugin, so
the toc extension's `permalink_title` is set from `extra.ui` at each language's
on_config, after the plugin has switched `extra` to that language.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-110)  # after the i18n plugin's on_config (-100)
def on_config(config: MkDocsConfig) -> None:
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = config.extra["ui"]["permalink_title"]
