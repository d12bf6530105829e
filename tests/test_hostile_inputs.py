"""An attack corpus of hostile inputs: front matter, data files, record files and files dropped in docs/.

Each input is refused with its file (and line, where it has one), or printed inert. The checks
are pure functions, tested directly on each input; a few builds of a copy of the project then
show that the build runs them and reports every finding at once, before anything is published.
(Markdown bodies and the final HTML are the content policy's and the rendered-page checks'.)
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from bilingual_site.checks.docs_files import published_file_problems
from bilingual_site.errors import InputError
from bilingual_site.checks.page_sources import page_source_problems
from bilingual_site.checks.plain_text import markup_problem
from bilingual_site.site.reference_data import load_reference_data, markup_in_data
from bilingual_site.markdown.model import fingerprint
from bilingual_site.translation.records import read_lock
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.checks.safe_yaml import load_yaml_text
from bilingual_site.translation.language_entries import entry_problems, languages_list
from mkdocs.utils import yaml_load
from sitebuild import PROJECT, build_site, copy_project, repin_original

PAGE = "docs/en/about.md"
BODY = "\n# About {#about}\n\nText.\n"
PROJECT_INFO = load_project(PROJECT / "mkdocs.yml")
LANGUAGES = list(PROJECT_INFO.languages)
DEFAULT = PROJECT_INFO.default_language


def page(front_matter: str, body: str = BODY) -> bytes:
    return f"---\n{front_matter}---\n{body}".encode("utf-8")


# --- Front matter --------------------------------------------------------------------------------

# (id, page bytes, line of the finding, words of its message)
FRONT_MATTER_ATTACKS = [
    ("issue-reproduction", page('title: About\ndescription: "x\\"\\x3e\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"\n'), 3, "front matter 'description' is not plain text"),
    ("title-script", page("title: <script>alert(1)</script>\n"), 2, "'<' is markup"),
    ("title-x3c-escape", page('title: "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"\n'), 2, "'<' is markup"),
    ("title-u003c-escape", page('title: "\\u003cimg src=x onerror=alert(1)\\u003e"\n'), 2, "'<' is markup"),
    ("title-U-escape", page('title: "\\U0000003cb>x"\n'), 2, "'<' is markup"),
    ("title-named-reference", page("title: '&lt;script&gt;alert(1)&lt;/script&gt;'\n"), 2, "character reference"),
    ("title-decimal-reference", page("title: '&#60;script'\n"), 2, "character reference"),
    ("title-hex-reference", page("title: '&#x3c;script'\n"), 2, "character reference"),
    ("title-reference-without-semicolon", page("title: '&ltscript'\n"), 2, "character reference"),
    ("title-closing-tag", page("title: About</title><script>alert(1)</script>\n"), 2, "'<' is markup"),
    ("description-attribute-breakout", page("description: 'x\" onfocus=\"alert(1)\" autofocus x=\"'\n"), 2, "'\"' is markup"),
    ("description-greater-than", page("description: x > y\n"), 2, "'>' is markup"),
    ("description-folded", page("title: T\ndescription: >\n  harmless start\n  <script>alert(1)</script>\n"), 3, "'<' is markup"),
    ("description-literal", page("title: T\ndescription: |\n  line\n  <img src=x onerror=alert(1)>\n"), 3, "'<' is markup"),
    ("description-plain-multiline", page("title: T\ndescription: first\n  <svg onload=alert(1)>\n"), 3, "'<' is markup"),
    ("author-single-quoted", page("author: '\"><svg onload=alert(1)>'\n"), 2, "front matter 'author' is not plain text"),
    ("author-unicode-quote-escape", page('author: "\\u0022 onmouseover=\\u0022alert(1)"\n'), 2, "'\"' is markup"),
    ("subtitle", page("subtitle: <b>x</b>\n"), 2, "front matter 'subtitle'"),
    ("status-class-breakout", page('status: new" onclick="alert(1)\n'), 2, "front matter 'status'"),
    ("icon", page("icon: material/<x>\n"), 2, "front matter 'icon'"),
    ("nested-mapping", page("social:\n  cards_layout_options:\n    title: <i>x</i>\n"), 4, "front matter 'social.cards_layout_options.title'"),
    ("list-item", page("tags:\n  - fine\n  - <i>x</i>\n"), 4, "front matter 'tags[1]'"),
    ("markup-key", page('"<img src=x onerror=alert(1)>": 1\n'), 2, "(the key)"),
    ("nul-character", page('title: "a\\0b"\n'), 2, "control character U+0000"),
    ("escape-character", page('title: "a\\eb"\n'), 2, "control character U+001B"),
    ("c1-control", page('title: "a\\x85b"\n'), 2, "control character U+0085"),
    ("template-redirect", page("template: redirect.html\nlocation: javascript:alert(1)\n"), 2, "front matter 'template'"),
    ("icon-theme-file", page("icon: ../../partials/search-fallback\n"), 2, "front matter 'icon'"),
    ("icon-unknown", page("icon: material/does-not-exist\n"), 2, "front matter 'icon'"),
    ("parallel-view-mark", page("parallel_view: {interface: en, depth: 1}\n"), 2, "front matter 'parallel_view'"),
    ("alias", page("x: &x About\ntitle: *x\n"), 2, "YAML anchor '&x' is not allowed"),
    ("alias-only", page("title: *x\n"), 2, "YAML alias '*x' is not allowed"),
    ("billion-laughs", page("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"), 2, "YAML anchor '&a'"),
    ("duplicate-key", page("title: Safe\ndescription: d\ntitle: <script>\n"), 4, "duplicate key 'title' (first at line 2"),
    ("python-object", page('title: T\nx: !!python/object/apply:os.system ["id"]\n'), 3, "the YAML tag '!!python/object/apply:os.system' is not allowed"),
    ("python-name", page("x: !!python/name:os.system\n"), 2, "'!!python/name:os.system'"),
    ("binary-tag", page("x: !!binary PHNjcmlwdD4=\n"), 2, "'!!binary'"),
    ("local-tag", page("title: !html <b>x</b>\n"), 2, "'!html'"),
    ("merge-key", page("<<: {title: x}\n"), 2, "merge keys ('<<') are not allowed"),
    ("complex-key", page("? [a, b]\n: 1\n"), 2, "a key must be a plain value"),
    ("invalid-date", page("date: 2024-13-40\n"), 2, "'2024-13-40' is not a valid timestamp"),
    ("not-a-mapping", page("- title\n- <b>\n"), 2, "front matter must be a mapping"),
    ("scalar-front-matter", page("just text\n"), 2, "front matter must be a mapping"),
    ("empty-front-matter", page("# only a comment\n"), 2, "front matter is empty"),
    ("malformed", page("title: [unclosed\n"), 2, "malformed front matter"),
    ("unclosed", b"---\ntitle: T\n\n# About\n", 1, "front matter is not closed"),
    ("bom-malformed", "\ufeff".encode() + page("title: [unclosed\n"), 2, "malformed front matter"),
    ("bom-markup", "\ufeff".encode() + page("title: <script>alert(1)</script>\n"), 2, "'<' is markup"),
    ("bom-alias", "\ufeff".encode() + page("x: &x a\ny: *x\n"), 2, "YAML anchor"),
    ("double-bom", "\ufeff\ufeff".encode() + page("title: <b>\n"), 1, "a second byte-order mark"),
    ("utf16-bom", "\ufeff---\ntitle: T\n---\n".encode("utf-16"), 1, "is not valid UTF-8"),
    ("latin1-in-front-matter", b"---\ntitle: Caf\xe9\n---\n\n# T\n", 2, "is not valid UTF-8"),
    ("indented-fence", b"  ---\ntitle: <b>\n---\n\n# T\n", 1, "at the very start of the first line"),
    ("crlf-markup", page("title: T\r\ndescription: <b>x</b>\r\n").replace(b"\n", b"\r\n").replace(b"\r\r", b"\r"), 3, "'<' is markup"),
    ("cr-only-markup", page("title: T\ndescription: <b>x</b>\n").replace(b"\n", b"\r"), 3, "'<' is markup"),
    ("multimarkdown-metadata", b"Title: <script>alert(1)</script>\n\n# About\n", 1, "MultiMarkdown metadata (title)"),
    ("multimarkdown-innocent-first-line", b"Note: this first line would vanish\n\n# About\n", 1, "MultiMarkdown metadata (note)"),
]


@pytest.mark.parametrize("raw, line, words", [case[1:] for case in FRONT_MATTER_ATTACKS], ids=[case[0] for case in FRONT_MATTER_ATTACKS])
def test_hostile_front_matter_is_refused_with_file_and_line(raw, line, words):
    problems = page_source_problems(raw, PAGE)
    assert problems, "accepted"
    assert [(problem.path, problem.line) for problem in problems][:1] == [(PAGE, line)]
    assert words in problems[0].message


@pytest.mark.parametrize(
    "value",
    ["L'adoption de vLLM", "Questions & réponses", "R&D", "« Citation »", "“quoted”", "Plain text", "x-ai/grok-4-fast", "Tab\tand\nnewline"],
)
def test_plain_text_passes(value):
    # '&' alone (followed by a space or punctuation) is shown as written by every browser: allowed.
    expected_refused = "R&D" == value  # '&D' starts a (named) character reference: refused
    assert (markup_problem(value) is not None) == expected_refused


def test_front_matter_is_found_where_mkdocs_finds_it():
    """A page MkDocs reads front matter from is checked as front matter, with the same text MkDocs reads."""
    from mkdocs.utils.meta import get_data

    for _, raw, *_ in FRONT_MATTER_ATTACKS:
        if not raw.startswith(b"---\n") and not raw.startswith("\ufeff---".encode()):
            continue
        text = raw.decode("utf-8-sig", errors="replace")
        if "&" in text or "*" in text:
            continue  # not given to MkDocs' loader, which expands aliases
        body, meta = get_data(text.replace("\r\n", "\n").replace("\r", "\n"))
        problems = page_source_problems(raw, PAGE)
        if not meta:  # MkDocs would have published the front matter as text: refused here
            assert problems


# --- Data files ----------------------------------------------------------------------------------

SOURCE = """sources:
  - id: src
    cited: true
    url: {url}
    title: {title}
    date: "2025-01"
    language: {language}
    verified: "yes"
    text:
      {default}:
        publisher: {publisher}
        supports: {supports}
        kind: {kind}
"""
CLAIMS = """quoted_page: note.md
claims_page: claims.md
claims:
  - id: one
    provider: {provider}
    status: supported
    sources: [src]
    quote:
      {default}: Un passage
    text:
      {default}:
        claim: {claim}
        facts:
          - {fact}
"""
GLOSSARY = """terms:
  - id: term
    {default}:
      term: {term}
      definition: {definition}
      avoid: [{avoid}]
"""
GOOD = {
    "url": "https://example.org/a", "title": "A source", "language": "en", "publisher": "P", "supports": "S", "kind": "K",
    "provider": "Example", "claim": "A claim", "fact": "A fact", "term": "terme", "definition": "D", "avoid": "mot",
}

# (id, field, value, file, line, words)
DATA_ATTACKS = [
    ("title-script", "title", "<script>alert(1)</script>", "sources.yml", 5, "'<' is markup"),
    ("title-x3c", "title", '"\\x3cimg src=x onerror=alert(1)\\x3e"', "sources.yml", 5, "'<' is markup"),
    ("title-attr-list", "title", "'x {: onclick=alert(1)'", "sources.yml", 5, "'{' is markup here"),
    ("publisher-entity", "publisher", "'&lt;script&gt;'", "sources.yml", 11, "character reference"),
    ("supports-raw-html", "supports", "<iframe src=https://example.org/></iframe>", "sources.yml", 12, "'<' is markup"),
    ("supports-autolink-breakout", "supports", "'<https://example.org/\"><script>alert(1)</script>>'", "sources.yml", 12, "'<' is markup"),
    ("supports-javascript-link", "supports", "'[click](javascript:alert(1))'", "sources.yml", 12, "a Markdown link is not allowed"),
    ("supports-reference-definition", "supports", "'x\n\n        [a]: javascript:alert(1)'", "sources.yml", 12, "a Markdown link"),
    ("supports-line-break", "supports", '"first\\n\\n</div><b>x</b>"', "sources.yml", 12, "'<' is markup"),
    ("supports-literal-block", "supports", "|\n          line one\n          ## a heading", "sources.yml", 12, "a line break"),
    ("provider-heading", "provider", "'Example {#x onclick=alert(1)}'", "claims.yml", 5, "'{' is markup here"),
    ("claim-script", "claim", "<script>alert(1)</script>", "claims.yml", 12, "'<' is markup"),
    ("fact-unicode-escape", "fact", '"\\u003csvg onload=alert(1)\\u003e"', "claims.yml", 14, "'<' is markup"),
    ("fact-image", "fact", "'![x](https://evil.example/x.png)'", "claims.yml", 14, "a Markdown link"),
    ("term-markup", "term", "<b>terme</b>", "glossary.yml", 4, "'<' is markup"),
    ("definition-nul", "definition", '"a\\0b"', "glossary.yml", 5, "control character"),
    ("avoid-markup", "avoid", "'<s>x</s>'", "glossary.yml", 6, "'<' is markup"),
]


def write_data(folder: Path, **values: str) -> Path:
    fields = {**GOOD, "default": DEFAULT, **values}
    folder.mkdir(parents=True, exist_ok=True)
    for name, template in (("sources.yml", SOURCE), ("claims.yml", CLAIMS), ("glossary.yml", GLOSSARY)):
        (folder / name).write_text(template.format(**fields), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "setting, value",
    [
        ("claims_page", "https://evil.example/x"),  # the verdict marks on the note would lead there
        ("claims_page", "'https:/evil.example/x.md'"),
        ("claims_page", "//evil.example/claims.md"),
        ("claims_page", "../../elsewhere.md"),
        ("claims_page", "/claims.md"),
        ("claims_page", "claims.md#x"),
        ("claims_page", "'mailto:a@example.org'"),
        ("quoted_page", "'javascript:alert(1)//.md'"),
        ("quoted_page", "note.html"),
    ],
)
def test_the_claims_pages_are_pages_of_the_site(tmp_path, setting, value):
    folder = write_data(tmp_path / "data")
    claims = folder / "claims.yml"
    default = "note.md" if setting == "quoted_page" else "claims.md"
    claims.write_text(claims.read_text(encoding="utf-8").replace(f"{setting}: {default}", f"{setting}: {value}"), encoding="utf-8")
    error = data_error(folder)
    line = 1 if setting == "quoted_page" else 2
    assert (error.path, error.line) == ("data/claims.yml", line)
    assert "must name a page of each language folder" in error.message


def data_error(folder: Path) -> InputError:
    with pytest.raises(InputError) as error:
        load_reference_data(folder, LANGUAGES, DEFAULT)
    return error.value


def test_the_data_template_is_valid(tmp_path):
    load_reference_data(write_data(tmp_path / "data"), LANGUAGES, DEFAULT)


@pytest.mark.parametrize("field, value, file, line, words", [case[1:] for case in DATA_ATTACKS], ids=[case[0] for case in DATA_ATTACKS])
def test_markup_in_data_is_refused_with_file_and_line(tmp_path, field, value, file, line, words):
    error = data_error(write_data(tmp_path / "data", **{field: value}))
    assert (error.path, error.line) == (f"data/{file}", line)
    assert words in error.message


@pytest.mark.parametrize(
    "url, words",
    [
        ('https://example.org/"><script>alert(1)</script>', "'>' is markup"),  # refused with the file's other markup first
        ("'https://example.org/ onmouseover=alert(1)'", "' ' may not appear"),
        ("https://example.org\\@evil.example/", "'\\\\' may not appear"),
        ("https://example.org/{x}", "'{' is markup here"),
        ("'https://example.org/\"onmouseover=alert(1)'", "'\"' may not appear in a URL"),
        ("javascript:alert(1)//https://example.org", "an absolute https:// URL is required"),
        ("http://example.org/", "an absolute https:// URL is required"),
        ("HTTPS://example.org/", "an absolute https:// URL is required"),
        ("https:///evil.example", "an absolute https:// URL is required"),
        ("https://user@evil.example/", "an absolute https:// URL is required"),
        ('"https://example.org/\\t"', "may not appear"),
    ],
)
def test_a_data_url_that_could_leave_its_link_is_refused(tmp_path, url, words):
    error = data_error(write_data(tmp_path / "data", url=url))
    assert (error.path, error.line) == ("data/sources.yml", 4)
    assert words in error.message


def test_a_language_that_would_leave_its_attribute_is_refused(tmp_path):
    error = data_error(write_data(tmp_path / "data", language="'fr\" onmouseover=\"alert(1)'"))
    assert str(error).startswith("data/sources.yml:")
    assert "'\"' is markup" in str(error) or "must be a language tag" in str(error)
    error = data_error(write_data(tmp_path / "data", language="'fr x'"))
    assert (error.line, "must be a language tag" in error.message) == (7, True)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("terms:\n  - &a {id: x}\n  - *a\n", 2, "YAML anchor '&a'"),
        ("terms:\n  - id: x\n    id: y\n", 3, "duplicate key 'id' (first at line 2"),
        ("terms: !!python/object:builtins.dict {}\n", 1, "'!!python/object:builtins.dict'"),
        ("terms:\n  - !!set {a, b}\n", 2, "'!!set'"),
        ("terms:\n  - <<: {id: x}\n", 2, "merge keys"),
    ],
)
def test_unsafe_yaml_in_a_data_file_is_refused_with_its_line(tmp_path, text, line, words):
    folder = write_data(tmp_path / "data")
    (folder / "glossary.yml").write_text(text, encoding="utf-8")
    error = data_error(folder)
    assert (error.path, error.line) == ("data/glossary.yml", line)
    assert words in error.message


def test_nested_aliases_are_refused_at_once(tmp_path):
    """The issue's reproduction: eight nested levels took 24 s and 4.4 GB; refused before any expansion."""
    lines = ["terms:", "  - id: x", '    a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"    a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]" for level in range(1, 9)]
    folder = write_data(tmp_path / "data")
    (folder / "glossary.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = data_error(folder)
    assert (error.path, error.line) == ("data/glossary.yml", 3)


def test_a_byte_order_mark_in_a_data_file_is_read_as_mkdocs_reads_pages(tmp_path):
    folder = write_data(tmp_path / "data")
    (folder / "sources.yml").write_bytes("\ufeff".encode() + (folder / "sources.yml").read_bytes())
    assert load_reference_data(folder, LANGUAGES, DEFAULT).sources[0]["id"] == "src"
    (folder / "claims.yml").write_bytes("\ufeff".encode() + CLAIMS.format(**{**GOOD, "default": DEFAULT, "fact": "<b>x</b>"}).encode())
    error = data_error(folder)
    assert (error.path, error.line) == ("data/claims.yml", 14)


def test_every_markup_finding_of_every_data_file_is_listed():
    document = load_yaml_text("a: <b>\nb:\n  - fine\n  - '&#60;'\n", "data/x.yml")
    assert [(problem.path, problem.line) for problem in markup_in_data(document, "data/x.yml")] == [("data/x.yml", 1), ("data/x.yml", 4)]


# --- Record files --------------------------------------------------------------------------------


def record_file(section_id: str, source: str, page_key: str = "note.md") -> str:
    return (
        f"{page_key}:\n  recorded: 2026-01-01\n  sections:\n"
        f"    {section_id}:\n      fingerprint: {fingerprint(source)}\n      source: {source!r}\n"
    ).replace("source: '", "source: '", 1)


@pytest.mark.parametrize(
    "text, line, words",
    [
        (record_file("'\"><script>alert(1)</script>'", "## x {#x}"), 4, "a section id is plain text"),
        (record_file("'a b'", "## x {#x}"), 4, "a section id has no spaces"),
        (record_file("'&#60;x'", "## x {#x}"), 4, "character reference"),
        (record_file("x", "## x {#x}", page_key="'<b>.md'"), 1, "is not a page path"),
        (record_file("x", "## x {#x}", page_key="evil.html"), 1, "is not a page path"),
        ("note.md:\n  recorded: 2026-01-01\n  sections:\n    a: &s {fingerprint: x, source: y}\n    b: *s\n", 4, "YAML anchor"),
        ("note.md:\n  recorded: 2026-01-01\n  sections: {}\nnote.md:\n  recorded: 2026-01-02\n  sections: {}\n", 4, "duplicate key 'note.md' (first at line 1"),
    ],
)
def test_a_hostile_record_is_refused_with_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "en.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_lock(path, "translations/en.yml")
    assert (error.value.path, error.value.line) == ("translations/en.yml", line)
    assert words in error.value.message


# --- Files dropped in docs/ ----------------------------------------------------------------------

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'


def svg(inner: str, before: str = "") -> bytes:
    return (before + SVG_OPEN + inner + "\n</svg>\n").encode("utf-8")


# (id, name, bytes, line or None, words)
DROPPED_FILES = [
    ("html", "evil.html", b"<script>alert(1)</script>", None, "a .html file is not published from docs/"),
    ("htm", "evil.htm", b"<script>alert(1)</script>", None, "a .htm file"),
    ("xhtml", "evil.xhtml", b"<html/>", None, "a .xhtml file"),
    ("shtml", "evil.shtml", b"<html/>", None, "a .shtml file"),
    ("js", "material-bundle.js", b"alert(1)", None, "a .js file"),
    ("mjs", "evil.mjs", b"alert(1)", None, "a .mjs file"),
    ("css", "evil.css", b"body{}", None, "a .css file"),
    ("json", "search_index.json", b"{}", None, "a .json file"),
    ("txt", "robots.txt", b"x", None, "a .txt file"),
    ("xml", "sitemap.xml", b"<x/>", None, "a .xml file"),
    ("svgz", "image.svgz", b"\x1f\x8b", None, "a .svgz file"),
    ("no-extension", "evil", b"<script>", None, "a file without an extension"),
    ("markdown-extension", "page.markdown", b"# x", None, "a .markdown file"),
    ("uppercase-md", "page.MD", b"# x", None, "lowercase '.md'"),
    ("html-named-png", "image.png", b"<html><script>alert(1)</script>", None, "is not a PNG image"),
    ("html-named-jpg", "image.jpg", b"<script>", None, "is not a JPG image"),
    ("svg-script", "script.svg", svg("<script>alert(1)</script>"), 2, "<script> is not allowed"),
    ("svg-script-cdata", "cdata.svg", svg("<g>\n<script><![CDATA[alert(1)]]></script></g>"), 3, "<script> is not allowed"),
    ("svg-onload", "onload.svg", svg('<rect width="1" height="1" onload="alert(1)"/>'), 2, "event handler attribute 'onload'"),
    ("svg-root-onload", "root.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 1, "'onload'"),
    ("svg-uppercase-handler", "upper.svg", svg('<rect ONCLICK="alert(1)"/>'), 2, "'ONCLICK'"),
    ("svg-foreign-object", "foreign.svg", svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), 2, "<foreignObject> is not allowed"),
    ("svg-external-href", "href.svg", svg('<image href="https://evil.example/x.png"/>'), 2, "refers outside the file"),
    ("svg-xlink-href", "xlink.svg", svg('<use xlink:href="https://evil.example/sprite.svg#icon"/>'), 2, "refers outside the file"),
    ("svg-data-href", "data.svg", svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), 2, "refers outside the file"),
    ("svg-javascript-link", "link.svg", svg('<a href="javascript:alert(1)"><text>x</text></a>'), 2, "<a> is not allowed"),
    ("svg-animate-href", "animate.svg", svg('<use href="#a"><set attributeName="href" to="javascript:alert(1)"/></use>'), 2, "may not animate 'href'"),
    ("svg-doctype-entity", "entity.svg", svg("<text>&lol;</text>", '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY lol "lol">]>\n'), 2, "document type"),
    ("svg-external-entity", "xxe.svg", svg("<text>&x;</text>", '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'), 1, "document type"),
    ("svg-stylesheet-instruction", "pi.svg", svg("<g/>", '<?xml-stylesheet href="https://evil.example/x.css"?>\n'), 1, "processing instruction"),
    ("svg-style-element", "style.svg", svg("<style>@import url(https://evil.example/x.css);</style>"), 2, "<style> is not allowed"),
    ("svg-css-url", "fill.svg", svg('<rect fill="url(https://evil.example/x.svg#p)"/>'), 2, "loads something from outside the file"),
    ("svg-css-escape", "escape.svg", svg('<rect style="fill:u\\72l(https://evil.example/x)"/>'), 2, "a backslash is not allowed"),
    ("svg-xml-base", "base.svg", svg('<g xml:base="https://evil.example/"><use href="#a"/></g>'), 2, "refers outside the file"),
    ("svg-not-svg-root", "html-root.svg", b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', 1, "the root element must be <svg>"),
    ("svg-malformed", "broken.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', 1, "is not well-formed XML"),
    # Red team, round 3: XHTML elements are live in an SVG document opened by a link, drawn or not.
    ("svg-xhtml-meta-refresh", "refresh.svg",
     svg('<h:meta xmlns:h="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=https://evil.example/"/>'), 2,
     "<meta> is in the namespace http://www.w3.org/1999/xhtml"),
    ("svg-xhtml-default-namespace", "xhtml.svg",
     svg('<g><img xmlns="http://www.w3.org/1999/xhtml" srcset="https://evil.example/x.png 1x"/></g>'), 2, "<img> is in the namespace"),
    ("svg-no-namespace-element", "plain.svg",
     b'<s:svg xmlns:s="http://www.w3.org/2000/svg"><meta http-equiv="refresh" content="0;url=https://evil.example/"/></s:svg>', 1,
     "<meta> is in no namespace"),
    ("svg-css-image-set", "imageset.svg", svg("<rect style=\"fill:red;background:image-set('https://evil.example/x.png' 1x)\"/>"), 2,
     "loads something from outside the file"),
    ("svg-css-webkit-image-set", "webkit.svg", svg('<rect cursor="-webkit-image-set(\'https://evil.example/c.png\' 1x), auto"/>'), 2,
     "loads something from outside the file"),
]


@pytest.mark.parametrize("name, raw, line, words", [case[1:] for case in DROPPED_FILES], ids=[case[0] for case in DROPPED_FILES])
def test_a_dropped_file_is_refused_with_its_name(name, raw, line, words):
    problems = published_file_problems(f"docs/fr/{name}", raw)
    assert [(problem.path, problem.line) for problem in problems] == [(f"docs/fr/{name}", line)]
    assert words in problems[0].message


@pytest.mark.parametrize(
    "name, raw",
    [
        ("figure.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 16),
        ("photo.JPEG", b"\xff\xd8\xff\xe0" + b"\0" * 16),
        ("anim.gif", b"GIF89a" + b"\0" * 16),
        ("photo.webp", b"RIFF\0\0\0\0WEBPVP8 "),
        ("photo.avif", b"\0\0\0\x1cftypavif\0\0\0\0"),
        ("drawing.svg", svg('<defs><linearGradient id="g"/></defs><circle r="4" fill="url(#g)"/><use href="#g" xlink:href="#g"/>')),
        ("page.md", b"# x"),
    ],
)
def test_inert_images_and_pages_are_published(name, raw):
    assert published_file_problems(f"docs/fr/{name}", raw) == []


# --- Builds: the checks run, report everything at once, and publish nothing -----------------------


def failed_build(tmp_path, caplog, files: dict[str, bytes], pin: bool = False) -> str:
    project = copy_project(tmp_path / "project")
    for path, raw in files.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(raw)
    if pin:
        repin_original(project)
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    site = tmp_path / "site"
    assert not site.exists() or not any(site.rglob("*.html")), "a failed build left pages to publish"
    return caplog.text


def test_hostile_front_matter_in_many_pages_fails_one_build_naming_each(tmp_path, caplog):
    pages = {
        f"docs/{code}/attack-{index}.md": raw
        for index, (_, raw, _, _) in enumerate(FRONT_MATTER_ATTACKS[:12])
        for code in LANGUAGES[:1]
    }
    english = f"docs/{LANGUAGES[1]}/about.md"
    original = (PROJECT / english).read_text(encoding="utf-8")
    pages[english] = original.replace("title: About", 'title: About\nauthor: "x\\"\\x3e\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"', 1).encode()
    log = failed_build(tmp_path, caplog, pages)
    for index, (_, _, line, words) in enumerate(FRONT_MATTER_ATTACKS[:12]):
        assert f"docs/{DEFAULT}/attack-{index}.md:{line}: " in log
    assert f"{english}:3: front matter 'author' is not plain text" in log


def test_dropped_files_fail_one_build_naming_each(tmp_path, caplog):
    dropped = {f"docs/{DEFAULT}/{name}": raw for _, name, raw, _, _ in DROPPED_FILES[:20]}
    log = failed_build(tmp_path, caplog, dropped)
    for (_, name, _, line, words) in DROPPED_FILES[:20]:
        where = f"docs/{DEFAULT}/{name}:{line}" if line else f"docs/{DEFAULT}/{name}"
        assert f"{where}: " in log and words in log, name


def test_a_symbolic_link_in_docs_fails_the_build(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    os.symlink(project / "mkdocs.yml", project / "docs" / DEFAULT / "logo.png")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert f"docs/{DEFAULT}/logo.png: a symbolic link is not published" in caplog.text


def test_markup_in_the_real_data_files_fails_one_build_naming_each_file_and_line(tmp_path, caplog):
    changes = {}
    expected = []
    for name, old, new in (
        ("sources.yml", '    title: "', '    title: "<img src=x onerror=alert(1)> '),
        ("claims.yml", '    provider: "', '    provider: "\\x3c '),
        ("glossary.yml", '      definition: "', '      definition: "&lt;b&gt; '),
    ):
        text = (PROJECT / "data" / name).read_text(encoding="utf-8")
        assert old in text
        expected.append(f"data/{name}:{text[: text.index(old)].count(chr(10)) + 1}: ")
        changes[f"data/{name}"] = text.replace(old, new, 1).encode()
    log = failed_build(tmp_path, caplog, changes)
    for where in expected:
        assert where in log


def test_a_record_whose_id_holds_markup_fails_the_build(tmp_path, caplog):
    lock = (PROJECT / "translations" / f"{LANGUAGES[1]}.yml").read_text(encoding="utf-8")
    source = "## Gone {#gone}"
    hostile = f"    '\"><script>alert(1)</script>':\n      fingerprint: {fingerprint(source)}\n      source: '{source}'\n"
    marker = "  sections:\n"
    at = lock.index(marker) + len(marker)
    log = failed_build(tmp_path, caplog, {f"translations/{LANGUAGES[1]}.yml": (lock[:at] + hostile + lock[at:]).encode()})
    line = lock[:at].count("\n") + 1
    assert f"translations/{LANGUAGES[1]}.yml:{line}: page " in log and "a section id is plain text" in log


def test_heading_and_record_markup_reach_the_banner_as_text(tmp_path):
    """The issue's banner reproduction, and a removed section whose recorded heading holds markup:
    the build accepts both (code spans are text) and prints them inert."""
    project = copy_project(tmp_path / "project")
    translation = LANGUAGES[1]
    original_page = project / "docs" / DEFAULT / "about.md"
    translated_page = project / "docs" / translation / "about.md"
    original_page.write_text(original_page.read_text(encoding="utf-8") + "\n## Nouvelle section {#new-sec}\n\nTexte.\n", encoding="utf-8")
    translated_page.write_text(
        translated_page.read_text(encoding="utf-8") + "\n## New section `<script>alert(1)</script>` {#new-sec}\n\nText.\n", encoding="utf-8"
    )
    lock_path = project / "translations" / f"{translation}.yml"
    lock = lock_path.read_text(encoding="utf-8")
    source = '## "><script>alert(2)</script> {#gone}'
    hostile = f"    gone:\n      fingerprint: {fingerprint(source)}\n      source: '{source}'\n"
    at = lock.index("  sections:\n") + len("  sections:\n")  # about.md is the lock's first page
    lock_path.write_text(lock[:at] + hostile + lock[at:], encoding="utf-8")
    site = build_site(project, tmp_path / "site", "https://example.org/")

    html = (site / translation / "about.html").read_text(encoding="utf-8")
    banner = LexborHTMLParser(html).css_first(".site-notice--outdated")
    assert banner is not None
    assert banner.css("script") == []
    text = banner.text()
    # Titles are the headings' rendered text (the code span's words, as text); the recorded
    # heading's raw HTML is no text of its own, and is not printed as HTML either.
    assert "New section <script>alert(1)</script>" in text
    assert '">alert(2)' in text
    assert "<script>alert" not in html.replace("&lt;script&gt;alert", "")


def test_front_matter_markup_is_never_printed_raw_by_our_templates():
    """Every template of overrides/ escapes what it prints (autoescape), whatever reaches it."""
    from jinja2 import Environment, FileSystemLoader, nodes

    overrides = PROJECT / "overrides"
    environment = Environment(loader=FileSystemLoader(str(overrides)))
    for path in sorted(overrides.rglob("*.html")):
        name = path.relative_to(overrides).as_posix()
        tree = environment.parse(path.read_text(encoding="utf-8"))
        outputs = list(tree.find_all(nodes.Output))
        escaped_scopes = list(tree.find_all(nodes.ScopedEvalContextModifier))
        escaped = {id(output) for scope in escaped_scopes for output in scope.find_all(nodes.Output)}
        printed = [output for output in outputs if any(not isinstance(child, nodes.TemplateData) for child in output.nodes)]
        unescaped = [output.lineno for output in printed if id(output) not in escaped]
        assert unescaped == [], f"overrides/{name}: printed outside {{% autoescape true %}} at lines {unescaped}"
        for scope in escaped_scopes:
            assert [option.value.value for option in scope.options if option.key == "autoescape"] == [True], name


def test_the_record_writer_never_writes_anchors_the_reader_refuses(tmp_path):
    from bilingual_site.translation.records import PageRecord, RecordedSection, write_lock

    day = datetime.date(2026, 1, 1)  # one date object for two pages: PyYAML would write &id001 / *id001
    section = RecordedSection(fingerprint("## A {#a}"), "## A {#a}")
    path = tmp_path / "en.yml"
    write_lock(path, {"a.md": PageRecord(day, {"a": section}), "b.md": PageRecord(day, {"a": section})})
    assert "&id" not in path.read_text(encoding="utf-8")
    assert set(read_lock(path, "translations/en.yml")) == {"a.md", "b.md"}


def _first_anchor_or_alias(text: str) -> tuple[int, str] | None:
    """What the parser's events show first, anchor or alias: (0-based line, its sign and name)."""
    import yaml

    try:
        events = list(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.MarkedYAMLError:
        return None
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line, f"'*{event.anchor}'"
        if getattr(event, "anchor", None):
            return event.start_mark.line, f"'&{event.anchor}'"
    return None


@pytest.mark.parametrize("seed", range(400))
def test_every_anchor_and_alias_is_refused_first_whatever_the_text_holds(seed):
    """Anchors and aliases are looked for in the text's events only when the node tree's marks show
    a property ('&' or '!'): the first one is still refused, before any other problem, at its line;
    '&' and '*' inside values are text."""
    import random

    rng = random.Random(seed)
    values = ["1", "x & y", "'a *b'", "&a v", "*a", "!!str s", "!!str &t s", "&u !!str s", "[1, &f 2]", "{k: *f}", "",
              "|\n    &not *anchors\n    text", "&b\n    c: 1", "2026-13-40", "[*a, *b]"]
    keys = ["a", "b", "&k c", "? &q d\n  ", "a", "'e'"]
    lines = [f"{rng.choice(keys)}: {rng.choice(values)}" for _ in range(rng.randint(1, 5))]
    text = "\n".join(lines) + "\n"
    expected = _first_anchor_or_alias(text)
    try:
        load_yaml_text(text, "x.yml")
        refused = None
    except InputError as error:
        refused = error
    if expected is not None:
        line, sign = expected
        assert refused is not None and (refused.line, sign) == (line + 1, refused.message.split(" ")[2]), (text, refused)
    else:
        assert refused is None or "YAML anchor" not in refused.message and "YAML alias" not in refused.message, (text, refused)


# --- A language's entry in mkdocs.yml (red team, translator scope) ------------------------------------
# Material prints `site_name`, `site_description`, `copyright` and navigation titles raw: in the
# header and <title>, inside <meta name="description" content="...">, in the footer. A language's
# entry sets them for every page of the language, and nothing read them as the front matter is read.


def language_entry_with(line_key: str, value: str) -> tuple[str, int]:
    """mkdocs.yml's text with the first translation language's single-line ``line_key`` set to
    ``value`` (a YAML scalar as written), and that line."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    entry = languages_list(text, "mkdocs.yml").of(PROJECT_INFO.translation_languages[0])
    line = entry.line_of(line_key)
    assert line != entry.line, f"the entry has no {line_key!r} to change"
    lines = text.split("\n")
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    end = line  # a folded value (`>-`) goes on over the more indented lines below its key
    while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > len(indent):
        end += 1
    lines[line - 1 : end] = [f"{indent}{line_key}: {value}"]
    return "\n".join(lines), line


# (key, value as written in YAML, what the reader's browser got from it in a built page)
LANGUAGE_ENTRY_ATTACKS = [
    # Closes the footer and the page container; the <header> then opens at the top of <body>, where
    # forms are allowed, and the form's name replaces document.querySelector: Material's script fails.
    ("copyright", "'Made with MkDocs</footer></div><header><form name=\"querySelector\"></form></header>'"),
    # Leaves <meta name="description" content="..."> in <head>: search engines get another canonical
    # page, `noindex` and a site-ownership token; the referrer policy sends full URLs to other sites.
    ("site_description", "'A note\"><meta name=\"referrer\" content=\"unsafe-url\"><link rel=\"canonical\" href=\"https://evil.example/\"><meta name=\"robots\" content=\"noindex'"),
    ("site_name", "'vLLM &lt;adoption&gt;'"),
]


@pytest.mark.parametrize("key, value", LANGUAGE_ENTRY_ATTACKS, ids=[case[0] for case in LANGUAGE_ENTRY_ATTACKS])
def test_markup_in_a_language_entry_is_refused_with_its_line(key, value):
    text, line = language_entry_with(key, value)
    entries = next(item["i18n"] for item in yaml_load(text)["plugins"] if isinstance(item, dict) and "i18n" in item)["languages"]
    problems = entry_problems(entries, languages_list(text, "mkdocs.yml"), "mkdocs.yml")
    code = PROJECT_INFO.translation_languages[0]
    assert any(problem.startswith(f"mkdocs.yml:{line}: language '{code}': {key} is not plain text") for problem in problems), problems


def test_a_language_entry_that_leaves_its_footer_fails_the_build(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    text, line = language_entry_with(*LANGUAGE_ENTRY_ATTACKS[0])
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert f"mkdocs.yml:{line}: language '{PROJECT_INFO.translation_languages[0]}': copyright is not plain text" in caplog.text
    site = tmp_path / "site"
    assert not site.exists() or not any(site.rglob("*.html")), "a failed build left pages to publish"


def test_a_language_entry_cannot_turn_on_theme_features(tmp_path, caplog):
    # The i18n plugin takes any option of mkdocs.yml from a language's entry. With Material's
    # `content.tooltips` turned on there, its script reads every `title` attribute as HTML: a link
    # title written `&lt;meta http-equiv=&quot;refresh&quot; ...&gt;` sent the reader to another host
    # on hover, and the same markup in a palette toggle's name (a header title) on every page's load.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    code = PROJECT_INFO.translation_languages[0]
    entry = languages_list(text, "mkdocs.yml").of(code)
    palette = entry.line_of("theme", "palette")
    assert palette != entry.line, "the entry has no theme.palette to put a feature list beside"
    features = [name for name in yaml_load(text)["theme"]["features"]]
    lines = text.split("\n")
    indent = lines[palette - 1][: len(lines[palette - 1]) - len(lines[palette - 1].lstrip())]
    # The plugin merges a list item by item: the same length, one feature swapped for tooltips.
    lines[palette - 1 : palette - 1] = [f"{indent}features:"] + [f"{indent}  - {name}" for name in features[:-1] + ["content.tooltips"]]
    config.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert f"mkdocs.yml:{palette}: language '{code}': theme.features cannot be set in a language's entry" in caplog.text
    site = tmp_path / "site"
    assert not site.exists() or not any(site.rglob("*.html")), "a failed build left pages to publish"


@pytest.mark.parametrize("value", ["", "[a, b]", "{x: y}", "2024", "' '"])
def test_a_navigation_label_that_is_not_text_is_refused_with_its_line(value):
    # The navigation prints a label as it is: `None`, `['a', 'b']`; a number stopped the build with a traceback.
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    code = PROJECT_INFO.translation_languages[0]
    entries = next(item["i18n"] for item in yaml_load(text)["plugins"] if isinstance(item, dict) and "i18n" in item)["languages"]
    label = next(iter(next(entry for entry in entries if entry["locale"] == code)["nav_translations"]))
    line = languages_list(text, "mkdocs.yml").of(code).line_of("nav_translations", label)
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1].split(":", 1)[0] + f": {value}"
    text = "\n".join(lines)
    entries = next(item["i18n"] for item in yaml_load(text)["plugins"] if isinstance(item, dict) and "i18n" in item)["languages"]
    problems = entry_problems(entries, languages_list(text, "mkdocs.yml"), "mkdocs.yml")
    assert any(problem.startswith(f"mkdocs.yml:{line}: language '{code}': nav_translations.{label} is ") for problem in problems), problems
