"""Link one stylesheet instead of three: Material's main and palette CSS and `extra_css`, joined.

Why, and how the bundle is made: src/bilingual_site/stylesheet_bundle.py. This hook joins
the files once a run (on_config of the first language), takes `extra_css` over so that Material does not link
those files again, hands the bundle's path to overrides/main.html (`stylesheet_bundle`)
and writes the bundle at the site root once every language is built.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from bilingual_site import build_context
from bilingual_site.errors import InputError
from bilingual_site.stylesheet_bundle import Bundle, Stylesheet, bundle, extra_stylesheet, theme_stylesheets

_bundle: Bundle | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _bundle
    if not build_context.all_languages_built(config):
        return config  # the i18n plugin's later languages reuse this config, extra_css already taken over
    root = build_context.project_root(config)
    theme_dirs = [Path(folder) for folder in config.theme.dirs]
    config_text = Path(config.config_file_path).read_text(encoding="utf-8").split("\n")
    try:
        paths = theme_stylesheets(theme_dirs, bool(config.theme["palette"]))
        for entry in config.extra_css:
            line = next((number for number, text in enumerate(config_text, 1) if text.strip() == f"- {entry}"), None)
            paths.append(extra_stylesheet(str(entry), [Path(config.docs_dir), *theme_dirs], "mkdocs.yml", line))
        sheets = [Stylesheet(shown_path(path, root), path.read_text(encoding="utf-8")) for path in paths]
        _bundle = bundle(sheets)
    except InputError as error:
        raise PluginError(str(error)) from error
    config.extra_css = []  # in the bundle now; Material would link each file again
    return config


def shown_path(path: Path, root: Path) -> str:
    """A project file relative to the project, Material's by its path inside the theme package."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return "/".join(path.parts[-4:])


def on_env(env: Environment, config: MkDocsConfig, files) -> Environment:
    env.globals["stylesheet_bundle"] = _bundle.path
    return env


@event_priority(-110)  # after the i18n plugin has built every language: the bundle lives at the site root
def on_post_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return
    target = Path(config.site_dir) / _bundle.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_bundle.text, encoding="utf-8")
