"""Reference pages render from data/ in both languages; bad data stops the build with file and line."""

from __future__ import annotations

import re

import pytest

from mkdocs.exceptions import Abort

from bilingual_site.errors import InputError
from bilingual_site.site.reference_data import load_reference_data
from bilingual_site.checks.safe_yaml import load_yaml_with_lines
from html_pages import parse
from sitebuild import PROJECT, build_site, copy_project

LANGUAGES = ["fr", "en"]


def test_every_claim_and_source_is_rendered_in_both_languages(site):
    data = load_reference_data(PROJECT / "data", LANGUAGES, "fr")
    for prefix in ("", "en/"):
        claims = parse(site, f"{prefix}claims.html")
        rendered = {element["id"]: element for element in claims.select("h3[id]")}
        for claim in data.claims:
            assert claim["id"] in rendered, (prefix, claim["id"])
            box = rendered[claim["id"]].find_next_sibling(attrs={"data-claim-status": True})
            assert box["data-claim-status"] == claim["status"]
        sources = parse(site, f"{prefix}sources.html")
        urls = [a["href"] for a in sources.select(".reference-entry a[href^='https://']")]
        assert [source["url"] for source in data.sources] == [url for url in urls if url in {s["url"] for s in data.sources}]
        glossary = parse(site, f"{prefix}glossary.html")
        assert len(glossary.select("article table tbody tr")) == len(data.terms)


def test_status_labels_are_in_the_page_language(site):
    assert "Contredite" in parse(site, "claims.html").select_one('[data-claim-status="contradicted"] .claim-status').text
    assert "Contradicted" in parse(site, "en/claims.html").select_one('[data-claim-status="contradicted"] .claim-status').text


def test_changing_a_url_or_a_status_in_data_changes_both_languages(tmp_path):
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
    for prefix in ("", "en/"):
        assert parse(site, f"{prefix}sources.html").select_one('a[href="https://blog.vllm.ai/moved/minimax-m1.html"]')
        assert not parse(site, f"{prefix}sources.html").select_one('a[href="https://blog.vllm.ai/2025/06/30/minimax-m1.html"]')
        heading = parse(site, f"{prefix}claims.html").select_one("h3#openai-production")
        assert heading.find_next_sibling(attrs={"data-claim-status": True})["data-claim-status"] == "contradicted"


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
        ("sources", SOURCES_OK.replace("https://example.org/a", "htp:/example"),
         "data/sources.yml:4: source 'src': invalid URL 'htp:/example' (an absolute https:// URL is required)"),
        ("sources", SOURCES_OK.replace('verified: "yes"', "verified: maybe"),
         "data/sources.yml:8: source 'src': unknown verified value 'maybe' (expected one of yes, no, partly)"),
        ("sources", SOURCES_OK.replace("        supports: Ce qu'elle étaye\n", ""),
         "data/sources.yml:11: source 'src', text.fr: missing field 'supports'"),
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


def test_bad_data_fails_the_build(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    claims = project / "data/claims.yml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("status: partly", "status: probably", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert re.search(r"data/claims\.yml:\d+: claim '[a-z-]+': unknown status 'probably'", caplog.text)
    assert not (tmp_path / "site" / "claims.html").exists()
