"""Give Material's search dialog an accessible name (axe: aria-dialog-name).

Material renders `<div class="md-search" ... role="dialog">` without a label and
the partial cannot be extended from outside, so the label is added to the
rendered page. The build fails if Material's markup changes under us.
"""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def label_search_dialog(output: str, label: str, where: str) -> str:
    if DIALOG not in output:
        raise PluginError(f"{where}: Material's search dialog markup changed; update hooks/search_dialog_name.py")
    return output.replace(DIALOG, DIALOG[:-1] + f' aria-label="{escape(label)}">', 1)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return label_search_dialog(output, config.extra["ui"]["search_dialog_label"], page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    return label_search_dialog(output, config.extra["ui"]["search_dialog_label"], template_name)
