"""Reference pages render from data/ through their templates, in every language; bad data stops the build with file and line."""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest
import yaml
from jinja2 import Environment, FileSystemLoader
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from bilingual_site.site import reference_data
from bilingual_site.errors import InputError
from bilingual_site.site.locale_data import language_name, partial_date
from bilingual_site.site.reference_data import load_reference_data, prepare_environment, render, upper_first
from bilingual_site.site.reference_schema import DATE_PATTERN, OPTIONAL, SCHEMAS, Field, plain_text, with_field_tables
from bilingual_site.mkdocs.config_file import load_project
from html_pages import following_sibling, parse, text_of
from sitebuild import PROJECT, SITE_MARKDOWN, build_site, copy_project

LANGUAGES = ["fr", "en"]
REFERENCE_PAGES = ("claims", "sources", "glossary")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as None: only the languages' entries are read here."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def language_entries(project=PROJECT) -> dict[str, dict]:
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return {entry["locale"]: entry for entry in i18n["languages"]}


def site_languages() -> tuple[str, ...]:
    return load_project(PROJECT / "mkdocs.yml").languages  # the default first


def folder(language: str) -> str:
    return "" if language == site_languages()[0] else f"{language}/"


def cldr_locale(language: str, entries: dict[str, dict] | None = None) -> str:
    """``language``'s CLDR locale, from ``entries`` (language_entries()) when the caller read them already."""
    return (entries or language_entries())[language]["extra"].get("cldr_locale") or language


def words(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


# --- The real site --------------------------------------------------------------------------------


def test_every_claim_and_source_is_rendered_in_every_language(site):
    data = load_reference_data(PROJECT / "data", list(site_languages()), site_languages()[0])
    for language in site_languages():
        claims = parse(site, f"{folder(language)}claims.html")
        rendered = {element.attributes["id"]: element for element in claims.css("h3[id]")}
        for claim in data.claims:
            assert claim["id"] in rendered, (language, claim["id"])
            box = following_sibling(rendered[claim["id"]], "[data-claim-status]")
            assert box.attributes["data-claim-status"] == claim["status"]
        sources = parse(site, f"{folder(language)}sources.html")
        urls = [a.attributes["href"] for a in sources.css(".reference-entry a[href^='https://']")]
        assert [source["url"] for source in data.sources] == [url for url in urls if url in {s["url"] for s in data.sources}]
        glossary = parse(site, f"{folder(language)}glossary.html")
        assert len(glossary.css("article table tbody tr")) == len(data.terms)


def test_status_labels_are_in_the_page_language(site):
    for language in site_languages():
        label = language_entries()[language]["extra"]["ui"]["status_labels"]["contradicted"]
        assert label in text_of(parse(site, f"{folder(language)}claims.html").css_first('[data-claim-status="contradicted"] .claim-status'))


def test_claim_headings_are_in_the_table_of_contents(site):
    """The templates render Markdown that MkDocs renders with the page: the toc lists the claims."""
    data = load_reference_data(PROJECT / "data", list(site_languages()), site_languages()[0])
    for language in site_languages():
        toc = parse(site, f"{folder(language)}claims.html").css("nav.md-nav--secondary a.md-nav__link")
        anchors = {link.attributes["href"].partition("#")[2] for link in toc}
        assert {claim["id"] for claim in data.claims} <= anchors, language


def test_sources_of_the_same_title_are_told_apart_on_the_claims_pages(site):
    """Two sources of one title (letter case aside) read differently where a claim lists them."""
    for language in site_languages():
        tree = parse(site, f"{folder(language)}claims.html")
        items_by_title: dict[str, dict[str, str]] = {}
        for link in tree.css(".claim li > a[href^='sources.html#']"):
            item = link.parent
            items_by_title.setdefault(words(link.text()).casefold(), {})[link.attributes["href"]] = words(item.text())
        shared = {title: items for title, items in items_by_title.items() if len(items) > 1}
        assert shared, "the data has sources of the same title: the test must see them"
        for title, items in shared.items():
            assert len(set(items.values())) == len(items), (language, title, items)
            assert all(text.casefold() != title for text in items.values()), (language, items)


def test_no_iso_date_on_any_reference_page(site):
    """Dates are written in words on the reference pages; an address shown as a link is not a date."""
    found = []
    for language in site_languages():
        for page in REFERENCE_PAGES:
            tree = parse(site, f"{folder(language)}{page}.html")
            article = tree.css_first("article")
            for link in article.css("a[href^='https://']"):
                if link.text().strip() == link.attributes["href"]:
                    link.decompose()
            for word in article.text(separator=" ").split():
                word = word.strip("()[],;:.«»\"'")
                if "-" in word and DATE_PATTERN.match(word):
                    found.append((language, page, word))
    assert found == []


def test_source_dates_and_languages_are_written_in_the_page_language(site):
    data = load_reference_data(PROJECT / "data", list(site_languages()), site_languages()[0])
    dated = [source for source in data.sources if source.get("date")]
    assert dated
    entries = language_entries()  # mkdocs.yml read once, not for each source
    for language in site_languages():
        labels = entries[language]["extra"]["ui"]["field_labels"]
        locale = cldr_locale(language, entries)
        tree = parse(site, f"{folder(language)}sources.html")
        for source in data.sources:
            entry = tree.css_first(f"h3#{source['id']}").next
            while entry.tag != "div":
                entry = entry.next
            items = [words(item.text()) for item in entry.css("li")]
            date_item = next(item for item in items if item.startswith(words(labels["date"])))
            if source.get("date"):
                assert words(partial_date(source["date"], locale)) in date_item, (language, source["id"], date_item)
            language_item = next(item for item in items if item.startswith(words(labels["language"])))
            assert language_name(source["language"], locale) in language_item


# --- Templates ------------------------------------------------------------------------------------


def render_page(name: str, data, language: str, languages: list[str], project=PROJECT) -> str:
    environment = prepare_environment(Environment(loader=FileSystemLoader(str(project / "overrides"))))
    entries = language_entries(project)
    ui = entries[language]["extra"]["ui"]
    locale = entries[language]["extra"].get("cldr_locale") or language
    return render(name, data, environment, language=language, default=languages[0], languages=languages, ui=ui, cldr_locale=locale)


def as_html(markdown_text: str) -> LexborHTMLParser:
    return LexborHTMLParser(markdown.markdown(markdown_text, extensions=list(SITE_MARKDOWN.extensions), extension_configs=SITE_MARKDOWN.configs))


def test_a_declared_language_without_terms_adds_no_glossary_column():
    """One column per language some term is written in, the page's first; a declared language with
    no term yet adds none (the glossary would otherwise grow an empty column per new language)."""
    data = load_reference_data(PROJECT / "data", list(site_languages()), site_languages()[0])
    written = list(site_languages())
    for language in written:
        header = [cell.text() for cell in as_html(render_page("glossary", data, language, [*written, "de"])).css("thead th")]
        in_order = [language, *(code for code in written if code != language)]
        assert header[:-1] == [upper_first(language_name(code, cldr_locale(language))) for code in in_order]
        assert header[-1] == language_entries()[language]["extra"]["ui"]["field_labels"]["definition"]


def test_code_spans_in_data_are_shown_as_written(tmp_path):
    """Data texts reach the Markdown as written: escaping them for HTML would show `&#39;` in code."""
    (tmp_path / "sources.yml").write_text(SOURCES_OK.replace("supports: Ce qu'elle étaye", "supports: \"Lancé par `vllm serve --name 'x' \\\"y\\\" & z`\""), encoding="utf-8")
    (tmp_path / "claims.yml").write_text(CLAIMS_OK, encoding="utf-8")
    (tmp_path / "glossary.yml").write_text(GLOSSARY_OK, encoding="utf-8")
    data = load_reference_data(tmp_path, LANGUAGES, "fr")
    code = as_html(render_page("sources", data, "fr", LANGUAGES)).css_first(".reference-entry code")
    assert code.text() == "vllm serve --name 'x' \"y\" & z"


# --- The schema -----------------------------------------------------------------------------------


def readme_tables() -> dict[str, list[tuple[str, str, str, str]]]:
    """data/README.md's tables, rendered as MkDocs would: file name (its `## ` section) -> rows."""
    html = markdown.markdown((PROJECT / "data/README.md").read_text(encoding="utf-8"), extensions=["tables"])
    tables: dict[str, list[tuple[str, str, str, str]]] = {}
    section = None
    for node in LexborHTMLParser(html).body.iter():
        if node.tag == "h2":
            section = node.text().strip()
        elif node.tag == "table":
            for row in node.css("tbody tr"):
                cells = row.css("td")
                tables.setdefault(section, []).append(tuple(cell.text().strip() for cell in cells))
    return tables


def test_data_readme_documents_exactly_the_schema_fields():
    tables = readme_tables()
    assert set(tables) == {schema.file for schema in SCHEMAS.values()}
    for schema in SCHEMAS.values():
        documented = [(path, kind, required) for path, kind, required, _ in tables[schema.file]]
        declared = [(field.path, field.kind, field.required.documented.replace("`", "")) for field in (*schema.settings, *schema.fields)]
        assert documented == declared, schema.file
    readme = (PROJECT / "data/README.md").read_text(encoding="utf-8")
    assert with_field_tables(readme) == readme, "rewrite the tables: .venv/bin/python -m bilingual_site.site.reference_schema"


CAVEAT_LINE = """**{{ labels.facts | markdown_text }}**
"""
CAVEAT_TEMPLATE = """{% if claim.text.caveat %}
{{ labels.caveat | markdown_text }}{{ separator | markdown_text }}<em class="claim-caveat">{{ claim.text.caveat | markdown_text }}</em>

{% endif %}
"""


def test_a_claims_field_is_the_schema_the_template_and_the_strings(tmp_path, monkeypatch, caplog):
    """Adding a field to the claims page: the schema, the template, the strings; nothing else."""
    project = copy_project(tmp_path / "project")
    claims = project / "data/claims.yml"
    text = claims.read_text(encoding="utf-8")
    first_claim = text.index("    text:\n", text.index("- id: anthropic-production"))
    caveats = {language: f"Réserve {language}" for language in site_languages()}
    for language in site_languages():
        block = text.index(f"      {language}:\n", first_claim) + len(f"      {language}:\n")
        text = text[:block] + f"        caveat: {caveats[language]}\n" + text[block:]
    claims.write_text(text, encoding="utf-8")
    # The field in the data alone is refused, naming its line: the schema has not declared it.
    with pytest.raises(Abort):
        build_site(project, tmp_path / "refused", "https://example.org/")
    assert re.search(r"data/claims\.yml:\d+: claim 'anthropic-production', text\.\w+: unknown field 'caveat'", caplog.text)

    # 1. The schema.
    schema = SCHEMAS["claims"]
    caveat = Field("text.<lang>.caveat", OPTIONAL, plain_text, "A reservation about the verdict.")
    monkeypatch.setattr(reference_data, "SCHEMAS", {**SCHEMAS, "claims": dataclasses.replace(schema, fields=(*schema.fields, caveat))})
    # 2. The template.
    template = project / "overrides/partials/reference/claims.html"
    source = template.read_text(encoding="utf-8")
    assert source.count(CAVEAT_LINE) == 1
    template.write_text(source.replace(CAVEAT_LINE, CAVEAT_TEMPLATE + CAVEAT_LINE), encoding="utf-8")
    # 3. The strings, in every language.
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    labels = {language: f"Caveat {language}" for language in site_languages()}
    for language, label in labels.items():
        marker = f"        - locale: {language}\n"
        start = config.index("                facts: ", config.index(marker))
        config = config[:start] + f"                caveat: {label}\n" + config[start:]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")

    site = build_site(project, tmp_path / "site", "https://example.org/")
    for language in site_languages():
        box = parse(site, f"{folder(language)}claims.html").css_first("h3#anthropic-production").next
        while box.tag != "div":
            box = box.next
        assert box.css_first(".claim-caveat").text() == caveats[language]
        assert words(box.text()).count(words(labels[language])) == 1


def test_a_misspelt_field_in_a_reference_template_stops_the_build(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    template = project / "overrides/partials/reference/sources.html"
    source = template.read_text(encoding="utf-8")
    line = source[: source.index("source.text.publisher")].count("\n") + 1
    template.write_text(source.replace("source.text.publisher", "source.text.publsher", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert f"partials/reference/sources.html:{line}" in caplog.text and "publsher" in caplog.text


def test_changing_a_url_or_a_status_in_data_changes_every_language(tmp_path):
    project = copy_project(tmp_path / "project")
    sources = project / "data/sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace(
            "https://blog.vllm.ai/2025/06/30/minimax-m1.html", "https://blog.vllm.ai/moved/minimax-m1.html"
        ),
        encoding="utf-8",
    )
    claims = project / "data/claims.yml"
    text = claims.read_text(encoding="utf-8")
    start = text.index("- id: openai-production")
    claims.write_text(text[:start] + text[start:].replace("status: unverifiable", "status: contradicted", 1), encoding="utf-8")
    site = build_site(project, tmp_path / "site", "https://example.org/")
    for language in site_languages():
        prefix = folder(language)
        assert parse(site, f"{prefix}sources.html").css_first('a[href="https://blog.vllm.ai/moved/minimax-m1.html"]')
        assert not parse(site, f"{prefix}sources.html").css_first('a[href="https://blog.vllm.ai/2025/06/30/minimax-m1.html"]')
        heading = parse(site, f"{prefix}claims.html").css_first("h3#openai-production")
        assert following_sibling(heading, "[data-claim-status]").attributes["data-claim-status"] == "contradicted"


CLAIMS_OK = """quoted_page: note.md
claims_page: claims.md
claims:
  - id: one
    provider: Example
    status: supported
    sources: [src]
    quote:
      fr: Un passage
    text:
      fr:
        claim: Une affirmation
        facts: [Un fait]
"""
SOURCES_OK = """sources:
  - id: src
    cited: true
    url: https://example.org/a
    title: A source
    date: "2025-01"
    language: en
    verified: "yes"
    text:
      fr:
        publisher: Un éditeur
        supports: Ce qu'elle étaye
        kind: billet de blog
"""
GLOSSARY_OK = """terms:
  - id: term
    fr:
      term: terme
      definition: Une définition
"""


def write_data(tmp_path, sources=SOURCES_OK, claims=CLAIMS_OK, glossary=GLOSSARY_OK):
    (tmp_path / "sources.yml").write_text(sources, encoding="utf-8")
    (tmp_path / "claims.yml").write_text(claims, encoding="utf-8")
    (tmp_path / "glossary.yml").write_text(glossary, encoding="utf-8")
    return tmp_path


def test_valid_minimal_data_loads(tmp_path):
    data = load_reference_data(write_data(tmp_path), LANGUAGES, "fr")
    assert [claim["id"] for claim in data.claims] == ["one"]


@pytest.mark.parametrize(
    "file, broken, message",
    [
        ("claims", CLAIMS_OK.replace("status: supported", "status: maybe"),
         "data/claims.yml:6: claim 'one': unknown status 'maybe' (expected one of supported, partly, contradicted, unverifiable)"),
        ("claims", CLAIMS_OK.replace("    provider: Example\n", ""),
         "data/claims.yml:4: claim 'one': missing field 'provider'"),
        ("claims", CLAIMS_OK.replace("sources: [src]", "sources: [nowhere]"),
         "data/claims.yml:7: claim 'one': unknown source id 'nowhere' (not in data/sources.yml)"),
        ("claims", CLAIMS_OK.replace("    quote:\n      fr: Un passage\n", ""),
         "data/claims.yml:4: claim 'one': missing field 'quote'"),
        ("claims", CLAIMS_OK.replace("      fr: Un passage\n", "      fr: Un passage\n      de: Eine Stelle\n"),
         "data/claims.yml:10: claim 'one': quote in language 'de', which is not declared in mkdocs.yml"),
        ("claims", CLAIMS_OK.replace("      fr: Un passage\n", "      en: A passage\n"),
         "data/claims.yml:9: claim 'one': missing the quote in the default language 'fr'"),
        ("claims", CLAIMS_OK.replace("quoted_page: note.md\n", ""),
         "data/claims.yml:1: the file: missing field 'quoted_page'"),
        ("claims", CLAIMS_OK.replace("        facts: [Un fait]\n", "        facts: [Un fait]\n        fact: Un autre\n"),
         "data/claims.yml:14: claim 'one', text.fr: unknown field 'fact' (the fields here are claim, facts: data/README.md, claims.yml)"),
        ("sources", SOURCES_OK.replace("https://example.org/a", "htp:/example"),
         "data/sources.yml:4: source 'src': invalid URL 'htp:/example' (an absolute https:// URL is required)"),
        ("sources", SOURCES_OK.replace('verified: "yes"', "verified: maybe"),
         "data/sources.yml:8: source 'src': unknown verified value 'maybe' (expected one of yes, no, partly)"),
        ("sources", SOURCES_OK.replace("        supports: Ce qu'elle étaye\n", ""),
         "data/sources.yml:11: source 'src', text.fr: missing field 'supports'"),
        ("sources", SOURCES_OK.replace("        kind: billet de blog\n", ""),
         "data/sources.yml:11: source 'src', text.fr: missing field 'kind'"),
        ("sources", SOURCES_OK.replace('date: "2025-01"', 'date: "2025-13"'),
         "data/sources.yml:6: source 'src': date '2025-13' must be a quoted YYYY, YYYY-MM or YYYY-MM-DD, or null"),
        ("sources", SOURCES_OK.replace('    date: "2025-01"\n', ""),
         "data/sources.yml:2: source 'src': missing field 'date'"),
        ("sources", SOURCES_OK.replace("    title: A source\n", "    title: A source\n    titel: A source\n"),
         "data/sources.yml:6: source 'src': unknown field 'titel' (the fields here are cited, date, id, language, text, title, url, verified: data/README.md, sources.yml)"),
        ("sources", SOURCES_OK.replace("title: A source", "title: [unclosed"),
         "data/sources.yml:6: invalid YAML: expected ',' or ']', but got ':'"),
        ("glossary", GLOSSARY_OK.replace("      definition: Une définition\n", ""),
         "data/glossary.yml:4: term 'term'.fr: missing field 'definition'"),
        ("glossary", GLOSSARY_OK.replace("  - id: term\n    fr:", "  - id: term\n    de:"),
         "data/glossary.yml:2: term 'term': missing the default language 'fr'"),
    ],
)
def test_bad_data_names_the_file_and_line(tmp_path, file, broken, message):
    write_data(tmp_path, **{file: broken})
    with pytest.raises(InputError) as error:
        load_reference_data(tmp_path, LANGUAGES, "fr")
    assert str(error.value) == message


def test_a_null_date_is_allowed_and_written_as_unknown(tmp_path):
    data = load_reference_data(write_data(tmp_path, sources=SOURCES_OK.replace('date: "2025-01"', "date: null")), LANGUAGES, "fr")
    items = [words(item.text()) for item in as_html(render_page("sources", data, "fr", LANGUAGES)).css(".reference-entry li")]
    unknown = language_entries()["fr"]["extra"]["ui"]["field_labels"]["unknown_date"]
    assert any(item.endswith(words(unknown)) for item in items), items


def test_bad_data_fails_the_build(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    claims = project / "data/claims.yml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("status: partly", "status: probably", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert re.search(r"data/claims\.yml:\d+: claim '[a-z-]+': unknown status 'probably'", caplog.text)
    assert not (tmp_path / "site" / "claims.html").exists()
