"""The French page serves the original word for word; the English one keeps its structure."""

from __future__ import annotations

import re
from pathlib import Path

from html_pages import parse

SEED = Path(__file__).parent / "fixtures" / "original-seed.txt"


def seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    return text.split("---", 2)[2]


def plain(markdown: str) -> str:
    """The words of Markdown as a reader sees them: links, emphasis and table pipes removed."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    text = text.replace("**", "").replace("`", "")
    return re.sub(r"\s+", " ", text)


def seed_sentences() -> list[str]:
    sentences = []
    for line in seed_body().splitlines():
        line = line.strip().lstrip("#").strip().lstrip("- ").strip()
        if not line or set(line) <= set("|-"):
            continue
        for cell in line.strip("|").split("|"):
            for sentence in re.split(r"(?<=[.;:?])\s+", plain(cell).strip()):
                if sentence:
                    sentences.append(sentence)
    return sentences


def page_text(soup) -> str:
    """The page's own text: without permalinks and the claim check's verdict marks (editorial
    additions), the checked passages put back into the text they were cut from."""
    wrapper = soup.select_one("[data-translation-status]")
    for addition in wrapper.select(".headerlink, .claim-verdict"):
        addition.decompose()
    for passage in wrapper.select(".claim-passage"):
        passage.unwrap()
    wrapper.smooth()
    return re.sub(r"\s+", " ", wrapper.get_text(" "))


def test_french_page_contains_every_sentence_of_the_original(site):
    text = page_text(parse(site, "note.html"))
    sentences = seed_sentences()
    assert len(sentences) > 30
    missing = [sentence for sentence in sentences if sentence not in text]
    assert missing == []


def test_original_keeps_its_provenance_and_says_so_outside_its_text(site):
    soup = parse(site, "note.html")
    notice = soup.select_one(".site-notice--editorial")
    assert "x-ai/grok-4-fast" in notice.text
    assert notice.find_parent(attrs={"data-translation-status": True}) is None
    assert notice.select_one('a[href="claims.html"]') is not None


def table_rows(soup) -> list[list[str]]:
    return [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in soup.select("article table tr")]


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

    def external_links(soup):
        return [a["href"] for a in soup.select("[data-translation-status] a[href^='https://']:not(.md-content__button)")]

    assert external_links(french) == external_links(english)
    assert len(external_links(french)) == 6

    def heading_ids(soup):
        return [h["id"] for h in soup.select("article h1, article h2, article h3")]

    assert heading_ids(french) == heading_ids(english) == ["vllm-adoption", "vllm-usage", "references"]


def test_translation_uses_the_glossary_terms(site):
    text = page_text(parse(site, "en/note.html")).lower()
    assert "open-weight models" in text and "self-hosting" in text
    assert "open-source model" not in text
