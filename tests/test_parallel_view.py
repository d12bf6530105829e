"""The parallel view (issue 6): original and translation side by side, section by section."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

import build_benchmark
from html_pages import built_pages, children, classes, element_by_id, parallel_pages, parse, resolve, select, select_one, select_with_templates, text_of
from sitebuild import DEFAULT_LANGUAGE, PROJECT, SITE_MARKDOWN, TRANSLATION_LANGUAGES, build_site, copy_project, folder_prefix, language_entries, repin_original

from bilingual_site.parallel.views import (
    BODY,
    CANONICAL,
    TITLE,
    VIEW_PATH,
    LinkContext,
    PageHtml,
    PageShell,
    align,
    build_pairs,
    html_sections,
    link_target,
    paired_ids,
)
from bilingual_site.markdown.model import read_markdown
from bilingual_site.site.locale_data import language_name

# The pair these tests read: the original and the first translation (English on the real site).
ORIGINAL, TRANSLATION = DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES[0]
TRANSLATED = sorted(path.name for path in (PROJECT / "docs" / TRANSLATION).glob("*.md"))
INTERFACES = (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES)  # every built language shows the views
# The view of the translation, in each interface: 'parallel/en/note.html', 'en/parallel/en/note.html'.
VIEWS = {interface: folder_prefix(interface) + f"parallel/{TRANSLATION}/{{page}}" for interface in INTERFACES}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def html_name(page: str) -> str:
    return page[: -len(".md")] + ".html"


def view_url(interface: str, page: str) -> str:
    return VIEWS[interface].format(page=html_name(page))


def section_ids(language: str, page: str) -> list[str]:
    return [section.id for section in read_markdown((PROJECT / "docs" / language / page).read_text(encoding="utf-8"), SITE_MARKDOWN).sections]


def sides(pair):
    return children(pair)


def body_rows(side) -> list[list[str]]:
    """Each aligned table-row block of a side, as its cells' text."""
    rows = []
    for block in children(side, ".parallel-block"):
        table = next(iter(children(block, "table")), None)
        if table is not None and "parallel-table--head" not in classes(table):
            found = select(table, "tbody tr")
            assert len(found) == 1, "one body row per aligned block"
            # The cells' own text: the claim check's verdict marks are additions to it.
            for addition in select(found[0], ".claim-verdict"):
                addition.decompose()
            for passage in select(found[0], ".claim-passage"):
                passage.unwrap()
            found[0].merge_text_nodes()
            rows.append([text_of(cell, strip=True) for cell in select(found[0], "td")])
    return rows


def markdown_rows(language: str) -> list[list[str]]:
    text = (PROJECT / "docs" / language / "note.md").read_text(encoding="utf-8")
    rows = [line.strip().strip("|").split("|") for line in text.split("\n") if line.startswith("|")][2:]
    return [[cell.replace("**", "").strip() for cell in row] for row in rows]


# --- Pure functions -----------------------------------------------------------------------------


def test_sections_only_one_side_has_keep_their_place():
    assert paired_ids(["a", "b", "c"], ["a", "c"]) == ["a", "b", "c"]
    assert paired_ids(["a", "c"], ["a", "x", "c", "y"]) == ["a", "x", "c", "y"]
    assert paired_ids(["a"], ["x", "a"]) == ["x", "a"]


def test_a_page_is_cut_at_its_top_level_headings_only():
    content = '<p>Before.</p><h1 id="t">T</h1><div class="admonition"><h2 id="inner">I</h2></div><h2 id="a">A</h2><ul><li>x</li></ul>'
    assert [(section.id, section.html) for section in html_sections(content)] == [
        ("", "<p>Before.</p>"),
        ("t", '<h1 id="t">T</h1><div class="admonition"><h2 id="inner">I</h2></div>'),
        ("a", '<h2 id="a">A</h2><ul><li>x</li></ul>'),
    ]


def test_only_elements_count_when_cutting_not_comments_attributes_or_empty_elements():
    content = (
        '<p>A</p><article><h2 id="inside">I</h2></article><div></div><hr>'
        '<h2 data-id="q" id="x">X</h2><!-- <div> --><h3 id="y" title="a>b">Y</h3><p>t<br>u</p>'
    )
    assert [section.id for section in html_sections(content)] == ["", "x", "y"]


def test_a_self_closing_slash_closes_no_element_that_has_content_as_in_a_browser():
    # `<div/>` opens a div (HTML ignores the slash on elements that are not void): the heading is inside it.
    assert [section.id for section in html_sections('<h2 id="a">A</h2><div/><h2 id="in">I</h2>')] == ["a"]


def test_an_end_tag_of_an_element_without_content_changes_no_depth():
    # `</img>` and `</source>` are stray: the heading stays inside its <div>, the next one starts a section.
    content = '<div><img src="a.png" alt="x"></img><video><source src="v"></source></video><h3 id="in">I</h3></div><h2 id="out">O</h2>'
    assert [section.id for section in html_sections(content)] == ["", "out"]


def test_a_section_is_cut_around_its_top_level_tables():
    table = "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>"
    nested = f'<div class="admonition">{table}</div>'
    html = f'<h2 id="t">T</h2><p>Intro.</p>{table}<p>After.</p>{nested}'
    [section] = html_sections(html)
    assert [(chunk.kind, chunk.shape) for chunk in section.chunks] == [("text", (0, 0)), ("table", (2, 2)), ("text", (0, 0))]
    assert section.chunks[1].html == table and section.chunks[2].html == "<p>After.</p>" + nested


def test_a_table_is_passed_over_whole_only_when_nothing_inside_could_hide_its_end():
    cell_heading = '<table><tbody><tr><td><h2 id="in-cell">C</h2></td></tr></tbody></table><h2 id="after">A</h2>'
    assert [section.id for section in html_sections(cell_heading)] == ["", "after"]
    # A table inside a cell, or a comment holding an end tag: the tags are counted one by one.
    nested = '<table><tr><td><table><tr><td>x</td></tr></table><h2 id="in">I</h2></td></tr></table><h2 id="out">O</h2>'
    commented = '<table><tr><td><!-- </table> --><h2 id="in">I</h2></td></tr></table><h2 id="out">O</h2>'
    quoted = '<table><tr><td title="</table>"><h2 id="in">I</h2></td></tr></table><h2 id="out">O</h2>'
    for content in (nested, commented, quoted):
        [before, after] = html_sections(content)
        assert (before.id, after.id) == ("", "out")
        assert [chunk.kind for chunk in before.chunks] == ["table"] and before.html.endswith("</table>")


def test_any_element_is_passed_over_whole_only_when_nothing_inside_could_hide_its_end():
    # A quoted value holding the end tag, after a tag that closes before it; a div in a div.
    quoted = '<div><a title="<b> </div>">x</a><h2 id="in">I</h2></div><h2 id="out">O</h2>'
    nested = '<div><div>x</div><h2 id="in">I</h2></div><h2 id="out">O</h2>'
    for content in (quoted, nested):
        assert [section.id for section in html_sections(content)] == ["", "out"], content
    # Nothing in the way: the paragraph is passed over and the heading after it starts a section.
    assert [section.id for section in html_sections('<p>a <a href="#x">b</a> c</p><h2 id="x">X</h2>')] == ["", "x"]


def test_a_pages_links_are_rewritten_for_the_view():
    context = LinkContext("en", "en/note.html", "parallel/en/note.html", frozenset({"usage"}))
    assert link_target("#usage", context) == "#en-usage"  # a section shown in the view
    assert link_target("#elsewhere", context) == "../../en/note.html#elsewhere"
    assert link_target("claims.html#c", context) == "../../en/claims.html#c"
    assert link_target("../img/a.png", context) == "../../img/a.png"
    home = LinkContext("en", "en/index.html", "en/parallel/en/index.html", frozenset({"a"}))
    assert link_target("sub/", home) == "../../sub/" and link_target("./", home) == "../../"  # folders keep their slash
    assert link_target("?q=1#a", home) == "../../index.html?q=1#a"  # a query is the page's, not the view's
    for kept in ("https://example.org/x", "mailto:a@b.c", "/absolute", "//host/x"):
        assert link_target(kept, context) == kept


def test_text_that_reads_like_an_attribute_is_shown_as_written():
    # Only attributes are rewritten: code that shows `id="…"` or `href="…"` keeps its text.
    content = '<h2 id="s">S</h2><p><code>&lt;a id="top" href="x.html"&gt;</code></p>'
    [pair] = build_pairs(align(PageHtml("fr", "note.html", content), PageHtml("en", "en/note.html", content)), "parallel/en/note.html")
    assert pair.original.blocks == ['<h2 id="fr-s">S</h2><p><code>&lt;a id="top" href="x.html"&gt;</code></p>']


def test_a_link_to_an_element_the_view_shows_stays_in_the_view_and_one_to_an_element_it_leaves_out_leads_to_the_page():
    def page(language: str, caption: str) -> PageHtml:
        table = f'<table><caption id="tab">{caption}</caption><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
        return PageHtml(language, f"{language}/note.html".removeprefix("fr/"), f'<h2 id="s">S</h2><p><a href="#s">up</a> <a href="#tab">table</a></p>{table}')

    # Both tables have one row: they are cut into aligned row blocks, which carry no caption.
    [pair] = build_pairs(align(page("fr", "Tableau"), page("en", "Table")), "parallel/en/note.html")
    original = "".join(pair.original.blocks)
    assert 'id="fr-s"' in original and 'href="#fr-s"' in original
    assert 'href="../../note.html#tab"' in original and "caption" not in original


def test_a_shell_is_filled_as_the_templates_would_print_the_values():
    shell = f"<title>{TITLE}</title><meta content=\"{TITLE.replace(chr(39), '&#39;')}\"><link href=\"{CANONICAL}\"><a href=\"../{VIEW_PATH}\"></a><main>{BODY}</main>"
    filled = PageShell.parse(shell).fill("L'IA & co", "https://example.org/en/x.html", "parallel/en/x.html", "<p>@@parallel-view-body@@ in a page stays</p>").decode("utf-8")
    assert filled == (
        "<title>L'IA & co</title><meta content=\"L&#39;IA &amp; co\"><link href=\"https://example.org/en/x.html\">"
        '<a href="../parallel/en/x.html"></a><main><p>@@parallel-view-body@@ in a page stays</p></main>'
    )


@pytest.mark.parametrize("shell, message", [
    (f"<title>{TITLE.upper()}</title>{BODY}", "line 1: a placeholder is left"),
    (f"<p>\n\n{{{{{TITLE}}}}}</p>{BODY}".replace("'", "\\u0027"), "line 3: a placeholder is left"),
    ("<main></main>", "body placeholder 0 times"),
    (f"<a href=\"/f?t={TITLE.replace('@', '%40')}\"></a>{BODY}", "line 1: a placeholder is left"),  # URL-encoded
    (f"<p></p>\n<script>var t = '{TITLE}';</script>{BODY}", "line 2: a placeholder inside an inline script"),
])
def test_a_shell_that_does_not_fit_is_refused_with_its_line(shell, message):
    with pytest.raises(ValueError, match=message):
        PageShell.parse(shell)


# --- The built views ----------------------------------------------------------------------------


@pytest.mark.parametrize("interface", [ORIGINAL, TRANSLATION])
def test_the_note_view_pairs_every_section_and_every_table_row(site, interface):
    document = parse(site, view_url(interface, "note.md"))
    assert document.css_first("html").attributes["lang"] == interface
    pairs = document.css("[data-section-id]")
    assert [pair.attributes["data-section-id"] for pair in pairs] == section_ids(ORIGINAL, "note.md") == section_ids(TRANSLATION, "note.md")
    for pair in pairs:
        assert [side.attributes.get("lang") for side in sides(pair)] == [ORIGINAL, TRANSLATION], pair.attributes["data-section-id"]
    original, translation = sides(document.css_first('[data-section-id="vllm-usage"]'))
    # Intro, header row, then one block per table row, on both sides: the grid lines them up.
    assert len(children(original, ".parallel-block")) == len(children(translation, ".parallel-block")) == 2 + 5
    assert body_rows(original) == markdown_rows(ORIGINAL)
    assert body_rows(translation) == markdown_rows(TRANSLATION)
    # Each row keeps its header for assistive technology.
    for block in select(translation, "table.parallel-table:not(.parallel-table--head)"):
        assert [text_of(th, strip=True) for th in select(block, "thead th")] == ["Provider/Model", "Uses vLLM in production?", "Details"]


@pytest.mark.parametrize("url", ["parallel/en/note.html", "en/parallel/en/note.html", "en/parallel/en/claims.html"])
def test_ids_are_unique_and_prefixed_by_language_and_links_work_from_the_view(site, url):
    document = parse(site, url)
    counts = Counter(element.attributes["id"] for element in select_with_templates(document, "[id]"))
    assert [value for value, count in counts.items() if count > 1] == []
    headings = [heading.attributes["id"] for heading in document.css(".parallel-block h1, .parallel-block h2, .parallel-block h3")]
    assert headings and all(re.match(rf"({ORIGINAL}|{TRANSLATION})-", value) for value in headings)
    for link in document.css(".parallel-block a[href]"):
        href = link.attributes["href"]
        if href.startswith("#"):
            assert element_by_id(document, href[1:]) is not None, href
        elif not re.match(r"^[a-z]+:", href):
            assert (site / resolve(url, href)).is_file(), href


def test_every_translated_page_links_to_its_view_in_both_languages(site):
    assert TRANSLATED
    for page in TRANSLATED:
        for interface, url in ((ORIGINAL, html_name(page)), (TRANSLATION, f"en/{html_name(page)}")):
            links = parse(site, url).css("a[data-parallel-link]")
            assert len(links) == 1, url
            assert resolve(url, links[0].attributes["href"]) == view_url(interface, page), url
            text = language_entries()[interface]["extra"]["ui"]["parallel_link"]
            if interface == ORIGINAL and len(TRANSLATION_LANGUAGES) > 1:  # the original's page names which translation
                text += f" ({language_name(TRANSLATION, ORIGINAL)})"
            assert text_of(links[0], strip=True) == text
    translated_pages = sum(len(list((PROJECT / "docs" / code).glob("*.md"))) for code in TRANSLATION_LANGUAGES)
    assert len(parallel_pages(site)) == len(INTERFACES) * translated_pages


@pytest.mark.parametrize("interface", [ORIGINAL, TRANSLATION])
def test_the_view_leads_back_to_each_page_and_to_the_other_interface(site, interface):
    url = view_url(interface, "note.md")
    document = parse(site, url)
    assert resolve(url, document.css_first('[data-parallel-back="original"]').attributes["href"]) == "note.html"
    assert resolve(url, document.css_first('[data-parallel-back="translation"]').attributes["href"]) == folder_prefix(TRANSLATION) + "note.html"
    switcher = {link.attributes["hreflang"]: resolve(url, link.attributes["href"]) for link in document.css(".md-select__link")}
    assert switcher == {code: view_url(code, "note.md") for code in INTERFACES}


def test_views_are_out_of_search_sitemaps_hreflang_and_navigation(site, site_port):
    base = f"http://127.0.0.1:{site_port}/"
    for index in ("search/search_index.json", "en/search/search_index.json"):
        locations = [doc["location"] for doc in json.loads((site / index).read_text(encoding="utf-8"))["docs"]]
        assert locations and not [location for location in locations if "parallel/" in location], index
    for sitemap in ("sitemap.xml", "en/sitemap.xml"):
        text = (site / sitemap).read_text(encoding="utf-8")
        assert ElementTree.fromstring(text).findall(f"{SITEMAP}url") and "/parallel/" not in text, sitemap
    for url in parallel_pages(site):
        document = parse(site, url)
        assert document.css('link[rel="alternate"][hreflang]') == [], url
        page = url.rsplit("/", 1)[1]
        assert document.css_first('link[rel="canonical"]').attributes["href"] == base + "en/" + ("" if page == "index.html" else page), url
        assert document.css('.md-nav a[href*="parallel/"]') == [], url
    for url in built_pages(site):
        document = parse(site, url)
        assert not [link for link in document.css('link[rel="alternate"], .md-nav a') if "parallel/" in (link.attributes.get("href") or "")], url


def test_a_views_navigation_drawer_is_the_whole_navigation_of_its_interface(site):
    """Views share a page shell (the plugin's parallel views): the drawer must still list every page
    of the interface language, its links working from each view."""

    def targets(url: str) -> list[str]:
        hrefs = [link.attributes["href"] for link in parse(site, url).css(".md-sidebar--primary .md-nav a[href]")]
        return sorted({resolve(url, href) for href in hrefs if not href.startswith("#") and "://" not in href})

    for interface, home in ((ORIGINAL, "index.html"), (TRANSLATION, "en/index.html")):
        expected = sorted({*targets(home), home})  # the home page's drawer links to itself differently
        assert len(expected) > 3, home
        for page in TRANSLATED:
            assert targets(view_url(interface, page)) == expected, view_url(interface, page)


def test_views_in_several_folders_each_get_their_own_page_values_and_working_links(tmp_path, monkeypatch):
    """Synthetic pages in two folders: views of both folders share one page shell, and the home
    page's view another, so every link of every view must work from where it is. Four pages a
    folder rather than the benchmark's 50: two folders of pages, untranslated and outdated ones
    among them, for a tenth of the build."""
    monkeypatch.setattr(build_benchmark, "PER_FOLDER", 4)
    project = build_benchmark.generate_site(tmp_path / "synthetic", 8)
    assert {build_benchmark.is_translated(number) for number in range(8)} == {True, False}
    assert any(build_benchmark.is_outdated(number) for number in range(8))
    site = build_site(project, tmp_path / "site", "https://example.org/")
    views = parallel_pages(site)
    folders = Counter(posixpath.dirname(url) for url in views)
    assert set(folders) == {f"{folder_prefix(code)}parallel/en{folder}" for code in INTERFACES for folder in ("", "/part-01", "/part-02")}, folders
    assert len(views) == len(INTERFACES) * len(list((project / "docs" / "en").rglob("*.md")))  # every translated page, in every interface
    for url in views:
        text = (site / url).read_text(encoding="utf-8")
        assert "@@parallel-view-" not in text.lower(), url
        document = LexborHTMLParser(text)
        translated = url.split("parallel/en/", 1)[1]
        page = "en/" + translated
        canonical = "https://example.org/" + page.removesuffix("index.html")  # a home page's URL is its folder
        assert document.css_first('link[rel="canonical"]').attributes["href"] == canonical, url
        assert document.css_first('meta[property="og:url"]').attributes["content"] == canonical, url
        shown = "en/" + translated if url.startswith("en/") else translated
        page_title = text_of(parse(site, shown).css_first(".md-content h1")).rstrip("¶")
        assert document.css_first('meta[property="og:title"]').attributes["content"].startswith(page_title), url
        assert text_of(document.css_first("title")).startswith(page_title), url
        switcher = {link.attributes["hreflang"]: resolve(url, link.attributes["href"]) for link in document.css("a.md-select__link")}
        assert switcher == {"fr": url.removeprefix("en/"), "en": "en/" + url.removeprefix("en/")}, url
        backs = {link.attributes["data-parallel-back"]: resolve(url, link.attributes["href"]) for link in document.css("a[data-parallel-back]")}
        assert backs == {"original": translated, "translation": page}, url
        for element in select_with_templates(document, "[href], [src]"):
            target = element.attributes.get("href") or element.attributes.get("src")
            if target.startswith("#"):
                assert element_by_id(document, target[1:]) is not None, (url, target)
            elif not re.match(r"^[a-z]+:", target):
                assert (site / resolve(url, target)).is_file(), (url, target)


def test_an_outdated_or_missing_section_is_marked_as_on_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    note = project / "docs" / ORIGINAL / "note.md"
    text = note.read_text(encoding="utf-8")
    sentence = "Voici un aperçu basé sur les informations disponibles"
    assert sentence in text
    text = text.replace(sentence, "Voici un aperçu fondé sur les informations disponibles")
    note.write_text(text.rstrip() + "\n\n## Une section nouvelle {#new-section}\n\nPas encore traduite.\n", encoding="utf-8")
    (project / "docs" / TRANSLATION / "about.md").unlink()  # about.md becomes a fallback copy in English
    repin_original(project)  # a deliberate change of the original
    site = build_site(project, tmp_path / "site", "https://example.org/")

    page = parse(site, "en/note.html")
    label = page.css_first("#vllm-usage").attributes["data-translation-outdated"]
    assert label == "Changed in the original"
    for interface in (ORIGINAL, TRANSLATION):
        document = parse(site, view_url(interface, "note.md"))
        assert document.css_first("#en-vllm-usage").attributes["data-translation-outdated"] == label
        assert [element.attributes["id"] for element in document.css("[data-translation-outdated]")] == ["en-vllm-usage"]
        original, translation = sides(document.css_first('[data-section-id="new-section"]'))
        assert select_one(original, "#fr-new-section") is not None
        missing = select_one(translation, '[data-parallel-missing="translation"]')
        assert missing is not None and missing.attributes["lang"] == interface
        assert text_of(missing, strip=True) == {ORIGINAL: "Cette section n'est pas encore traduite.", TRANSLATION: "This section has not been translated yet."}[interface]
    # No translation, no view and no link to one.
    assert not (site / view_url(ORIGINAL, "about.md")).exists() and not (site / view_url(TRANSLATION, "about.md")).exists()
    assert parse(site, "about.html").css("a[data-parallel-link]") == []
    assert parse(site, "en/about.html").css("a[data-parallel-link]") == []


# --- In Chromium --------------------------------------------------------------------------------


def boxes(page, section_id: str) -> list[list[dict]]:
    """The bounding boxes of each side's blocks in one pair: [original blocks, translation blocks]."""
    return page.evaluate(
        """(id) => [...document.querySelector(`[data-section-id="${id}"]`).children].map(
            side => [...side.querySelectorAll(':scope > .parallel-block')].map(block => {
                const box = block.getBoundingClientRect();
                return {x: box.x, y: box.y, width: box.width, height: box.height};
            }))""",
        section_id,
    )


@pytest.mark.browser
def test_the_view_stacks_on_a_phone_and_has_two_aligned_columns_on_a_wide_screen(page, server):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server.url + view_url(ORIGINAL, "note.md"))
    original, translation = boxes(page, "vllm-usage")
    assert translation[0]["y"] >= original[-1]["y"] + original[-1]["height"]  # French first, English under it
    assert abs(translation[0]["x"] - original[0]["x"]) < 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing wider than the phone

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server.url + view_url(TRANSLATION, "note.md"))
    original, translation = boxes(page, "vllm-usage")
    assert len(original) == len(translation) == 7
    for left, right in zip(original, translation):
        assert right["x"] >= left["x"] + left["width"]  # side by side
        assert abs(right["y"] - left["y"]) < 1  # each block, each table row, on the same line


@pytest.mark.browser
@pytest.mark.parametrize("path", ["note.html", "en/note.html"])
def test_the_link_to_the_view_is_one_line_of_text_with_a_small_icon(page, server, path):
    page.goto(server.url + path)
    link = page.locator("a[data-parallel-link]")
    icon = link.locator("svg").bounding_box()
    text = link.locator("span").bounding_box()
    # The icon is sized by the pages' own stylesheet, not the view's: an unstyled SVG fills the column.
    assert icon["height"] <= text["height"] * 1.5, (icon, text)
    assert link.bounding_box()["height"] < 40


def test_a_third_language_gets_its_views_and_links(tmp_path):
    from test_third_language import NEW, add_language

    project = copy_project(tmp_path / "project")
    add_language(project)  # docs/<new>/about.md only
    site = build_site(project, tmp_path / "site", "https://example.org/")
    links = {link.attributes["data-parallel-link"]: resolve("about.html", link.attributes["href"]) for link in parse(site, "about.html").css("a[data-parallel-link]")}
    with_about = [code for code in (*TRANSLATION_LANGUAGES, NEW) if (project / "docs" / code / "about.md").is_file()]
    assert links == {code: f"parallel/{code}/about.html" for code in with_about}
    assert [resolve(f"{NEW}/about.html", link.attributes["href"]) for link in parse(site, f"{NEW}/about.html").css("a[data-parallel-link]")] == [f"{NEW}/parallel/{NEW}/about.html"]
    assert parse(site, f"{NEW}/note.html").css("a[data-parallel-link]") == []  # a fallback copy
    document = parse(site, f"{NEW}/parallel/{NEW}/about.html")
    assert [[side.attributes.get("lang") for side in sides(pair)] for pair in document.css("[data-section-id]")] == [[ORIGINAL, NEW]] * len(section_ids(ORIGINAL, "about.md"))
    assert document.css_first('link[rel="canonical"]').attributes["href"] == f"https://example.org/{NEW}/about.html"


def test_a_dirty_rebuild_still_fills_every_view(tmp_path):
    """`--dirty` renders only the changed pages (and the shells): the others' HTML is kept from the last build."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"

    def run(dirty: bool) -> None:
        # Not strict: MkDocs warns that a dirty build may leave links stale.
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), site_url="https://example.org/", strict=not dirty)
        config.plugins.on_startup(command="build", dirty=dirty)
        build(config, dirty=dirty)

    try:
        run(dirty=False)
        about = project / "docs" / ORIGINAL / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
        run(dirty=True)
    finally:
        load_config(str(project / "mkdocs.yml")).plugins.on_startup(command="build", dirty=False)  # the plugin lives for the process
    for url in parallel_pages(site):
        text = (site / url).read_text(encoding="utf-8")
        assert "parallel-view-" not in text and 'data-section-id="' in text, url
    assert "Une phrase de plus." in (site / view_url(ORIGINAL, "about.md")).read_text(encoding="utf-8")
