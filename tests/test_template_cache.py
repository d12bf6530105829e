"""Templates are compiled once, not once a language (the plugin's template cache)."""

from __future__ import annotations

from collections import Counter

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuild import PROJECT

from bilingual_site.mkdocs.template_cache import MemoryBytecodeCache


@pytest.fixture
def compiled(monkeypatch) -> Counter:
    """Template name -> times Jinja compiled it, from now on."""
    counts: Counter = Counter()
    compile_source = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        counts[name] += 1
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return counts


def test_every_template_is_compiled_once_for_both_languages(tmp_path, compiled, monkeypatch):
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), site_url="https://example.org/")
    # MkDocs keeps a plugin with on_startup for the whole process: an empty cache, as a new `mkdocs build` starts with.
    monkeypatch.setattr(config.plugins["bilingual_site"], "template_cache", MemoryBytecodeCache())
    build(config)
    assert {"main.html", "base.html", "parallel.html", "partials/parallel-view.html", "404.html"} <= set(compiled)
    # Material's search plugin reads its language partials in an environment of its own, made in
    # on_config before any on_env: those few are compiled in each language's build.
    own_environment = {"partials/language.html", "partials/languages/fr.html", "partials/languages/en.html"}
    assert [name for name, count in compiled.items() if count > 1 and name not in own_environment] == []


def test_a_template_changed_since_it_was_compiled_is_compiled_again(compiled):
    cache = MemoryBytecodeCache()
    templates = {"page.html": "{{ 1 + 1 }} one"}

    def render() -> str:
        environment = jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=cache)
        return environment.get_template("page.html").render()

    assert render() == "2 one" and compiled["page.html"] == 1
    assert render() == "2 one" and compiled["page.html"] == 1  # a new environment, the cached code
    templates["page.html"] = "{{ 2 + 2 }} two"
    assert render() == "4 two" and compiled["page.html"] == 2
