"""Inline claim verdicts on the note, and the search that offers the other languages when it finds nothing."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree

import markdown
import pytest
import yaml
from mkdocs.exceptions import Abort

from bilingual_site.markdown.page_marks import ClaimQuote, PageClaims, PageMarksExtension
from bilingual_site.mkdocs.config_file import load_project, read_mkdocs_yml
from html_pages import parallel_pages, parse
from sitebuild import PROJECT, build_site, copy_project


def claims_data() -> dict:
    return yaml.safe_load((PROJECT / "data/claims.yml").read_text(encoding="utf-8"))


def languages() -> tuple[str, ...]:
    """The languages whose note page is their own (a language just started serves the original's)."""
    project = load_project(PROJECT / "mkdocs.yml")
    return tuple(language for language in project.languages if project.page_path(language, claims_data()["quoted_page"]).is_file())


def folder(language: str) -> str:
    return "" if language == languages()[0] else f"{language}/"


def ui_strings(language: str) -> dict:
    plugins = read_mkdocs_yml(PROJECT / "mkdocs.yml")["plugins"]
    i18n = next(plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin)
    return next(entry for entry in i18n["languages"] if entry["locale"] == language)["extra"]["ui"]


def words(text: str) -> list[str]:
    return text.replace("\xa0", " ").split()


# --- Claim verdicts -----------------------------------------------------------------------------


def test_every_claim_is_marked_once_on_each_note_page_with_its_status_and_a_working_link(site):
    data = claims_data()
    for language in languages():
        note_url = folder(language) + data["quoted_page"].replace(".md", ".html")
        tree = parse(site, note_url)
        ui = ui_strings(language)
        for claim in data["claims"]:
            passages = tree.css(f'[data-claim="{claim["id"]}"]')
            assert len(passages) == 1, (note_url, claim["id"])
            passage = passages[0]
            assert passage.attributes["data-claim-status"] == claim["status"]
            assert passage.text() == claim["quote"][language]
            mark = passage.next
            assert mark.tag == "a" and mark.attributes["data-claim-verdict"] == claim["status"], (note_url, claim["id"])
            # Read aloud, the mark says it is the claim check's verdict, then the verdict.
            assert words(mark.text()) == words(f"{ui['claim_verdict_label']} {ui['status_labels'][claim['status']]}")
            target, _, anchor = mark.attributes["href"].partition("#")
            target_page = posixpath.normpath(posixpath.join(posixpath.dirname(note_url), target))
            assert anchor == claim["id"] and parse(site, target_page).css_first(f'[id="{anchor}"]') is not None


def test_the_words_of_the_note_are_unchanged_around_the_marks(site):
    """Take the marks out of the rendered page and the text is the page's text without them."""
    for language in languages():
        tree = parse(site, folder(language) + "note.html")
        cells = [cell.text() for cell in tree.css("article td")]
        for mark in tree.css("a.claim-verdict"):
            mark.decompose()
        source = (PROJECT / "docs" / language / "note.md").read_text(encoding="utf-8")
        for cell in tree.css("article td"):
            text = cell.text()
            assert text.replace("**", "") in source.replace("**", ""), text
        assert len(cells) == len(tree.css("article td"))


def test_the_contradicted_deepseek_claim_reads_as_contradicted_where_the_note_makes_it(site):
    claim = next(claim for claim in claims_data()["claims"] if claim["id"] == "deepseek-open-sourced")
    assert claim["status"] == "contradicted"
    for language in languages():
        passage = parse(site, folder(language) + "note.html").css_first('[data-claim="deepseek-open-sourced"]')
        assert passage.attributes["data-claim-status"] == "contradicted"
        assert passage.next.text(strip=True).endswith(ui_strings(language)["status_labels"]["contradicted"])


def test_the_search_index_holds_the_note_without_its_verdict_marks(site):
    """The marks are left out of search (data-search-exclude): the index holds the note's words, not
    the verdict glued to them."""
    import json

    for language in languages():
        index = json.loads((site / folder(language) / "search/search_index.json").read_text(encoding="utf-8"))
        text = " ".join(entry["text"] for entry in index["docs"] if entry["location"].startswith("note.html"))
        label = words(ui_strings(language)["claim_verdict_label"])[0]
        for claim in claims_data()["claims"]:
            assert claim["quote"][language] in text, (language, claim["id"])
        assert label not in text, language


def test_the_parallel_views_show_the_marks_on_both_sides(site):
    claims = claims_data()["claims"]
    views = [url for url in parallel_pages(site) if url.endswith("/note.html")]
    assert views
    for url in views:
        tree = parse(site, url)
        for claim in claims:
            assert len(tree.css(f'[data-claim="{claim["id"]}"]')) == 2, (url, claim["id"])


def quote(claim: str, text: str) -> ClaimQuote:
    return ClaimQuote(claim, "partly", text, "Partly true", "Claim check:", "claims.md")


def marked(source: str, *quotes: ClaimQuote) -> tuple[str, PageClaims]:
    extension = PageMarksExtension()
    extension.claims = PageClaims(list(quotes))
    html = markdown.markdown(source, extensions=["tables", extension])
    return html, extension.claims


def test_a_quote_is_found_in_text_only_and_counted():
    html, page = marked("One *two* three, `code three` and three.\n\nOne two three.", quote("a", "three"), quote("b", "One two three"))
    assert page.found == {"a": 3, "b": 1}  # `code` is not prose; "two" in emphasis is not text of the paragraph
    assert html.count('data-claim="b"') == 1 and 'data-claim="a"' not in html  # found three times: not marked


def test_overlapping_passages_are_reported_and_not_marked():
    html, page = marked("Alpha beta gamma.", quote("a", "Alpha beta"), quote("b", "beta gamma"))
    assert page.overlapping == [("a", "b")] and "data-claim" not in html


def test_marks_keep_the_text_around_them_and_are_escaped():
    html, page = marked('Say "x" & y < z.', quote("a", '"x" & y < z'))
    tree = etree.fromstring(f"<root>{html}</root>")  # well-formed: what the mark holds is escaped
    assert tree.find(".//span[@data-claim='a']").text == '"x" & y < z'
    assert "".join(tree.itertext()).replace("Claim check: Partly true", "") == 'Say "x" & y < z.'


def build_fails_with(tmp_path, caplog, edit, *expected: str) -> None:
    project = copy_project(tmp_path / "project")
    edit(project)
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    for message in expected:
        assert message in caplog.text, caplog.text


def claim_quote_line(claim_id: str, language: str) -> int:
    lines = (PROJECT / "data/claims.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  - id: {claim_id}")
    return next(number for number, line in enumerate(lines[start:], start + 1) if line.startswith(f"      {language}: "))


def test_a_one_word_change_in_a_quoted_passage_of_a_translation_stops_the_build(tmp_path, caplog):
    language = languages()[1]

    def edit(project):
        note = project / "docs" / language / "note.md"
        claim = next(claim for claim in claims_data()["claims"] if claim["id"] == "deepseek-contributions")
        text = note.read_text(encoding="utf-8")
        words = claim["quote"][language].split(" ")
        assert claim["quote"][language] in text
        note.write_text(text.replace(claim["quote"][language], " ".join(words[:-1] + ["X" + words[-1]])), encoding="utf-8")

    build_fails_with(
        tmp_path, caplog, edit,
        f"data/claims.yml:{claim_quote_line('deepseek-contributions', language)}: claim 'deepseek-contributions'",
        f"docs/{language}/note.md",
    )


def test_a_one_word_change_in_a_quoted_passage_of_the_original_names_the_claim_and_the_pin(tmp_path, caplog):
    """The original is pinned: its change is refused, and the claims whose quotes it broke are named
    with their data/claims.yml line, since their check must be looked at again."""
    language = languages()[0]
    claim = next(claim for claim in claims_data()["claims"] if claim["id"] == "deepseek-open-sourced")

    def edit(project):
        note = project / "docs" / language / "note.md"
        text = note.read_text(encoding="utf-8")
        assert claim["quote"][language] in text
        note.write_text(text.replace(claim["quote"][language], claim["quote"][language].replace("moteur", "logiciel"), 1), encoding="utf-8")

    build_fails_with(
        tmp_path, caplog, edit,
        f"data/claims.yml:{claim_quote_line('deepseek-open-sourced', language)}: claim 'deepseek-open-sourced'",
        f"docs/{language}/note.md: the original note changed",
    )


def test_a_quote_found_twice_stops_the_build(tmp_path, caplog):
    language = languages()[0]

    def edit(project):
        claims = project / "data/claims.yml"
        text = claims.read_text(encoding="utf-8")
        old = next(claim for claim in claims_data()["claims"] if claim["id"] == "vllm-openai-api")["quote"][language]
        claims.write_text(text.replace(f'"{old}"', '"vLLM"', 1), encoding="utf-8")

    build_fails_with(tmp_path, caplog, edit, f"data/claims.yml:{claim_quote_line('vllm-openai-api', language)}: claim 'vllm-openai-api'", "times in docs/")


# --- In the browser -----------------------------------------------------------------------------


@pytest.mark.browser
def test_a_verdict_mark_leads_to_its_claim_on_the_claims_page(page, server):
    page.goto(server.url + "note.html")
    mark = page.locator('[data-claim="deepseek-open-sourced"] + a.claim-verdict')
    assert mark.is_visible()
    mark.click()
    page.wait_for_url(re.compile(re.escape(server.url + "claims.html#deepseek-open-sourced") + "$"))


def search_finds_nothing(page, url: str, query: str):
    page.goto(url)
    field = page.locator(".md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)
    return page.locator(".md-search-result [data-search-fallback]")


@pytest.mark.browser
@pytest.mark.parametrize(
    "start, query, target",
    [("en/", "fournisseurs", ""), ("", "translated", "en/")],
    ids=["from-english-a-french-word", "from-french-an-english-word"],
)
def test_a_search_that_finds_nothing_offers_the_other_language_in_one_step(page, server, start, query, target):
    requests: list[str] = []
    offers = search_finds_nothing(page, server.url + start, query)
    offers.first.wait_for()
    assert page.locator(".md-search-result__link").count() == 0
    page.on("request", lambda request: requests.append(request.url))
    target_language = "fr" if target == "" else target.rstrip("/")
    offer = page.locator(f'.md-search-result [data-search-fallback][hreflang="{target_language}"]')
    assert offer.count() == 1
    assert not any("search_index.json" in url for url in requests)  # nothing loaded before the reader asks
    # Keyboard reachable: Tab from the search field reaches the offer.
    page.locator(".md-search__input").focus()
    visited = []
    for _ in range(8):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
        if page.evaluate("document.activeElement.hasAttribute('data-search-fallback')"):
            break
    assert page.evaluate("document.activeElement.hasAttribute('data-search-fallback')"), visited
    assert page.evaluate("document.activeElement.getAttribute('hreflang')") == target_language
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(server.url + target) + r"(index\.html)?(\?q=.*)?$"))
    page.locator(".md-search-result__link").first.wait_for()
    results = [link.get_attribute("href") for link in page.locator(".md-search-result__link").all()]
    assert results and all(link.startswith(server.url + target) for link in results), results
    if target == "":
        assert all(not link.startswith(server.url + "en/") for link in results), results
