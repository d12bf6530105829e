"""The French page serves the original word for word; the English one keeps its structure."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from bilingual_site.markdown.model import page_text as markdown_page_text
from bilingual_site.markdown.model import split_front_matter
from bilingual_site.mkdocs.config_file import load_project
from html_pages import ancestor, parse, select, select_one, text_of
from sitebuild import PROJECT

SEED = Path(__file__).parent / "fixtures" / "original-seed.txt"


def seed_blocks() -> list[str]:
    """The text of each block of the original (paragraph, list item, table cell, heading), rendered
    by Python-Markdown with the site's own extensions and read with Lexbor, as a reader sees it."""
    options = load_project(PROJECT / "mkdocs.yml").markdown
    body = split_front_matter(markdown_page_text(SEED.read_text(encoding="utf-8"))).markdown
    md = markdown.Markdown(extensions=list(options.extensions), extension_configs={name: dict(config) for name, config in options.configs.items()})
    document = LexborHTMLParser(md.convert(body))
    for permalink in document.css(".headerlink"):
        permalink.decompose()
    # A loose list item's text is in its paragraphs: each is read once.
    blocks = [node for node in document.css("p, li, th, td, h1, h2, h3, h4, h5, h6") if node.tag != "li" or not node.css_first("p")]
    return [" ".join(text_of(node, " ").split()) for node in blocks]


def seed_sentences() -> list[str]:
    # Sentences are cut where a reader sees them end; each must be found in the page as it is.
    return [sentence for block in seed_blocks() for sentence in re.split(r"(?<=[.;:?])\s+", block) if sentence]


def page_text(document) -> str:
    """The page's own text: without permalinks and the claim check's verdict marks (editorial
    additions), the checked passages put back into the text they were cut from."""
    wrapper = document.css_first("[data-translation-status]")
    for addition in select(wrapper, ".headerlink, .claim-verdict"):
        addition.decompose()
    for passage in select(wrapper, ".claim-passage"):
        passage.unwrap()
    wrapper.merge_text_nodes()
    return re.sub(r"\s+", " ", text_of(wrapper, " "))


def test_french_page_contains_every_sentence_of_the_original(site):
    text = page_text(parse(site, "note.html"))
    sentences = seed_sentences()
    assert len(sentences) > 30
    missing = [sentence for sentence in sentences if sentence not in text]
    assert missing == []


def test_original_keeps_its_provenance_and_says_so_outside_its_text(site):
    notice = parse(site, "note.html").css_first(".site-notice--editorial")
    assert "x-ai/grok-4-fast" in text_of(notice)
    assert ancestor(notice, "[data-translation-status]") is None
    assert select_one(notice, 'a[href="claims.html"]') is not None


def table_rows(document) -> list[list[str]]:
    return [[text_of(cell, " ", strip=True) for cell in select(row, "th, td")] for row in document.css("article table tr")]


def test_translation_keeps_the_table_rows_columns_and_verdicts(site):
    french = table_rows(parse(site, "note.html"))
    english = table_rows(parse(site, "en/note.html"))
    assert len(french) == len(english) == 6
    assert all(len(row) == 3 for row in french + english)
    verdicts = {"Non": "No", "Oui": "Yes"}
    assert [verdicts[row[1]] for row in french[1:]] == [row[1] for row in english[1:]]


def test_translation_keeps_the_references_and_heading_ids(site):
    french = parse(site, "note.html")
    english = parse(site, "en/note.html")

    def external_links(document):
        return [a.attributes["href"] for a in document.css("[data-translation-status] a[href^='https://']:not(.md-content__button)")]

    assert external_links(french) == external_links(english)
    assert len(external_links(french)) == 6

    def heading_ids(document):
        return [h.attributes["id"] for h in document.css("article h1, article h2, article h3")]

    assert heading_ids(french) == heading_ids(english) == ["vllm-adoption", "vllm-usage", "references"]


def test_translation_uses_the_glossary_terms(site):
    text = page_text(parse(site, "en/note.html")).lower()
    assert "open-weight models" in text and "self-hosting" in text
    assert "open-source model" not in text


# --- Reporting a problem with the original, in place of editing it --------------------------------

REPORT_FORM = ".github/ISSUE_TEMPLATE/original-note.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as None: only the languages' interface strings are read here."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def report_text(language: str) -> str:
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return next(entry for entry in i18n["languages"] if entry["locale"] == language)["extra"]["ui"]["report_original"]


def note_pages() -> list[tuple[str, str, bool]]:
    """(language, URL of its note page, whether the page is a translation of its own)."""
    project = load_project(PROJECT / "mkdocs.yml")
    return [
        (language, ("" if language == project.default_language else f"{language}/") + "note.html",
         language != project.default_language and (PROJECT / "docs" / language / "note.md").is_file())
        for language in project.languages
    ]


def test_the_original_note_offers_to_report_a_problem_in_place_of_the_edit_button(site):
    repo_url = load_config(str(PROJECT / "mkdocs.yml")).repo_url.rstrip("/")  # as the build reads it (REPO_URL)
    assert (PROJECT / REPORT_FORM).is_file()
    assert any(translated for _, _, translated in note_pages()) and any(not translated for _, _, translated in note_pages())
    for language, url, translated in note_pages():
        tree = parse(site, url)
        edit = [link.attributes["href"] for link in tree.css("a[rel=edit]")]
        report = tree.css("a[data-report-problem]")
        if translated:  # a translation is edited as any page: its own file
            assert report == [] and edit == [f"{repo_url}/edit/main/docs/{language}/note.md"], url
        else:
            assert edit == [], url
            assert [link.attributes["href"] for link in report] == [f"{repo_url}/issues/new?template=original-note.yml"]
            assert " ".join(text_of(report[0]).split()) == report_text(language)
    # Only the note: the other pages keep their edit button.
    assert parse(site, "claims.html").css("a[rel=edit]")


@pytest.mark.browser
def test_the_report_link_is_visible_and_the_edit_button_absent_on_the_original_note(page, server):
    for language, url, translated in note_pages():
        page.goto(server.url + url)
        if translated:
            assert page.locator("a[rel=edit]").is_visible()
            assert page.locator("a[data-report-problem]").count() == 0
        else:
            report = page.locator("a[data-report-problem]")
            assert report.is_visible()
            assert " ".join(report.inner_text().split()) == report_text(language)
            assert page.locator("a[rel=edit]").count() == 0
