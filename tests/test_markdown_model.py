"""The Markdown model: Python-Markdown's own reading of a page, with the source lines of what it found.

Also the reproductions of issue 16: what three hand-written readers got wrong, each seen now by
every reader the way Python-Markdown renders it.
"""

from __future__ import annotations

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from bilingual_site.checks.content_policy import check_markdown
from bilingual_site.translation.glossary import Term, avoided_terms
from bilingual_site.checks.heading_ids import duplicate_heading_ids
from bilingual_site.markdown.model import MarkdownOptions, normalize, read_markdown, split_front_matter
from bilingual_site.translation.parity import check_pair
from bilingual_site.translation.records import read_lock
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.cli import main
from bilingual_site.translation.typography import typography_findings
from html_pages import classes, parse
from sitebuild import PROJECT, SITE_MARKDOWN, build_site, copy_project

# --- front matter and options: MkDocs' own -----------------------------------

TRICKY_FRONT_MATTER = [
    "---\ntitle: T\n---\n\n# A\n",
    "---\ntitle: T\n...\nBody\n",
    "---  \ntitle: T\n---\t\n\n\nBody\n",
    "---\n---\n---\nBody\n",  # the first `---` after the opening is YAML text, a document marker
    "---\ntitle: [unclosed\n---\n# A\n",  # malformed: MkDocs renders the page whole
    "---\n- a list\n---\n# A\n",  # not a mapping: the page whole too
    "---\n\n---\n# A\n",  # empty: the page whole
    "---\ntitle: T\n---",  # no newline after the closing fence: no front matter
    "---\ntitle: T\n----\n# A\n",
    "Title: A MultiMarkdown title\nAuthors: One\n    Two\n\n# Heading\n",
    "Title: A\nnot a key line\n\nBody\n",
    "   Key: three spaces are allowed\n\nBody\n",
    "    Key: four are not\n\nBody\n",
    "\n\n# Leading blank lines\n",
    "# No front matter\n",
    "",
]


@pytest.mark.parametrize("text", TRICKY_FRONT_MATTER + [path.read_text(encoding="utf-8") for path in sorted((PROJECT / "docs").rglob("*.md"))])
def test_the_front_matter_is_split_as_mkdocs_splits_it(text):
    body, meta = get_data(text)
    front = split_front_matter(text)
    assert (front.markdown, front.meta) == (body, meta)
    # Body lines keep their place: the line numbers count the front matter.
    assert "\n".join(text.split("\n")[front.body_start - 1 :]) == "\n".join(front.body_lines)


def test_the_options_are_the_extensions_mkdocs_configures():
    config = load_config(str(PROJECT / "mkdocs.yml"))
    assert SITE_MARKDOWN.extensions == tuple(config.markdown_extensions)
    assert dict(SITE_MARKDOWN.configs) == dict(config.mdx_configs)


# --- what the model finds, and where ----------------------------------------

PAGE = """\
---
title: T
---

# Titre {#t}

`## not a heading`

## Étape **une** {: .x #step }

Setext
------

## Title {: id="x-y" }

```md
## in a fence
[f](https://fence.example)
```

    ## indented code

<div>
## in raw html
<a href="http://raw.example" onclick="x()">r</a>
</div>

## in raw html

!!! warning "Attention"
    ## Nested {#nested}

    Text [l](https://l.example) and [ref][s].

- item [li](li.md)

| A | B |
|---|---|
| [c](c.md) | 2 |
| 3 | 4 |

[s]: https://example.org/a
[unused]: http://unused.example
"""


def test_headings_have_the_ids_python_markdown_renders_and_their_source_lines():
    page = read_markdown(PAGE, SITE_MARKDOWN)
    assert [(h.line, h.level, h.id, h.explicit, h.title) for h in page.headings] == [
        (5, 1, "t", True, "Titre"),
        (9, 2, "step", True, "Étape une"),
        (11, 2, "setext", False, "Setext"),
        (14, 2, "x-y", True, "Title"),
        (28, 2, "in-raw-html", False, "in raw html"),  # not line 24, inside the raw HTML block
        (31, 2, "nested", True, "Nested"),
    ]
    assert [(section.id, section.line, section.end_line) for section in page.sections] == [
        ("t", 5, 9), ("step", 9, 11), ("setext", 11, 14), ("x-y", 14, 28), ("in-raw-html", 28, 31), ("nested", 31, 45),
    ]


def test_structure_comes_from_the_tree_with_source_lines():
    page = read_markdown(PAGE, SITE_MARKDOWN)
    assert [(f.line, f.value) for f in page.code_blocks] == [(16, "md"), (21, "")]
    assert [(f.line, f.value) for f in page.links] == [
        # A reference-style link is where its target is written: at its definition.
        (25, "http://raw.example"), (33, "https://l.example"), (42, "https://example.org/a"), (35, "li.md"), (39, "c.md"),
    ]
    assert [(f.line, f.rows, f.columns) for f in page.tables] == [(37, 3, 2)]
    assert [(f.line, f.value) for f in page.admonitions] == [(30, "warning")]
    assert [(d.line, d.url) for d in page.reference_definitions] == [(42, "https://example.org/a"), (43, "http://unused.example")]
    assert page.elements == ((23, "div"), (25, "a"))
    assert [(a.line, a.name) for a in page.attributes if a.source == "html"] == [(25, "href"), (25, "onclick")]


def test_prose_leaves_out_code_tags_and_targets():
    page = read_markdown("# T\n\nSee `code :` and [a link](https://x.example) :\n\n```\nfenced :\n```\n", SITE_MARKDOWN)
    assert [(prose.line, prose.text) for prose in page.prose] == [(1, "T"), (3, "See xxxxxx and a link :")]


# --- one parse: the build's models are taken from MkDocs' own rendering ----------

TRICKY_PAGE = """---
title: Cas
---

Cas difficiles {: id="cas" }
============================

Intro[^1] avec [une référence][ref] et <span id="brut">du HTML</span>.

## Tableau {: .large #tableau }

| A | B |
| --- | --- |
| [x](https://example.org/x) | 2 |

```python
# pas un titre
```

!!! note "Une note"
    Texte de la note, avec ![image](schema.png).

Sous-titre
----------

- élément [lien](about.md)

<div markdown>
**Dedans**\u00a0: texte.
</div>

[ref]: https://example.org/ref
[^1]: Une note de bas de page.
"""


def test_the_builds_models_are_the_rendered_pages_own(tmp_path):
    """The plugin takes each page's model from MkDocs' rendering (no second parse): for every page
    of the site, and one full of what the model reads, it equals the model read on its own."""
    project = copy_project(tmp_path / "project")
    (project / "docs/fr/cas.md").write_text(TRICKY_PAGE, encoding="utf-8")
    # Not strict: the page is left out of the navigation, which MkDocs warns about.
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), site_url="https://example.org/", strict=False)
    build(config)
    run = config.plugins["bilingual_site"].run
    sources = sorted((project / "docs").rglob("*.md"))
    assert sorted(run.models) == sources
    options = load_project(project / "mkdocs.yml").markdown
    for path in sources:
        assert run.models[path] == read_markdown(path.read_text(encoding="utf-8"), options), path
    tricky = run.models[project / "docs/fr/cas.md"]
    assert [(heading.line, heading.id) for heading in tricky.headings] == [(5, "cas"), (10, "tableau"), (23, "sous-titre")]
    targets = {(target.line, target.url, target.source) for target in tricky.url_targets}
    assert {(14, "https://example.org/x", "markdown"), (21, "schema.png", "markdown"), (26, "about.md", "markdown")} <= targets
    assert (32, "https://example.org/ref", "reference") in targets


# --- the reproductions of issue 16 -------------------------------------------


def test_ids_with_dots_are_two_ids_and_the_build_passes(tmp_path):
    """`{#v1.2}` and `{#v1.3}` stopped the build with "duplicate heading id 'v1'"."""
    text = "# Versions {#versions}\n\n## Version 1.2 {#v1.2}\n\nUn.\n\n## Version 1.3 {#v1.3}\n\nDeux.\n"
    assert duplicate_heading_ids(read_markdown(text, SITE_MARKDOWN), "docs/fr/x.md") == []
    project = copy_project(tmp_path / "project")
    for language in ("fr", "en"):
        about = project / f"docs/{language}/about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\n## Version 1.2 {#v1.2}\n\nUn.\n\n## Version 1.3 {#v1.3}\n\nDeux.\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site", "https://example.org/")
    ids = [heading.attributes.get("id") for heading in parse(site, "about.html").css("h2")]
    assert "v1.2" in ids and "v1.3" in ids


def test_duplicates_are_still_found_with_both_lines():
    text = "# A {#a}\n\nIntro\n=====\n\n## Intro\n\n## B {#a}\n"
    assert [str(error) for error in duplicate_heading_ids(read_markdown(text, SITE_MARKDOWN), "docs/fr/x.md")] == [
        "docs/fr/x.md:6: duplicate heading id 'intro', already used on line 3 "
        "(headings with the same text get the same id: give each its own {#id})",
        "docs/fr/x.md:8: duplicate heading id 'a', already used on line 1",
    ]


def test_a_changed_section_with_an_attribute_list_heading_is_marked_outdated(tmp_path, capsys):
    """`## Étape {: .x #step }` renders `<h2 class="x" id="step">`: its section's mark was never set."""
    project = copy_project(tmp_path / "project")
    for language, text in (("fr", "## Étape {: .x #step }\n\nPremière version.\n"), ("en", "## Step {: .x #step }\n\nFirst version.\n")):
        about = project / f"docs/{language}/about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
    assert main(["record", "about.md", "--project", str(project), "--date", "2026-11-26"]) == 0
    original = project / "docs/fr/about.md"
    original.write_text(original.read_text(encoding="utf-8").replace("Première version.", "Seconde version."), encoding="utf-8")
    capsys.readouterr()
    assert main(["status", "--project", str(project)]) == 1
    assert "en    about.md                         outdated  changed: step" in capsys.readouterr().out
    site = build_site(project, tmp_path / "site", "https://example.org/")
    marked = parse(site, "en/about.html").css("[data-translation-outdated]")
    assert [(element.tag, element.attributes.get("id"), classes(element)) for element in marked] == [("h2", "step", ["x"])]
    assert marked[0].attributes["data-translation-outdated"] == "Changed in the original"


def test_check_compares_reference_style_links(tmp_path):
    original = "# T {#t}\n\nVoir [le site][s].\n\n[s]: https://example.org/a\n"
    translation = "# T {#t}\n\nSee [the site][s].\n\n[s]: https://example.org/DIFFERENT\n"
    assert [finding.message for finding in check_pair(original, "docs/fr/x.md", translation, "docs/en/x.md", SITE_MARKDOWN)] == [
        "link 1: 'https://example.org/a' in docs/fr/x.md:5, 'https://example.org/DIFFERENT' in docs/en/x.md:5 (external links must be identical)"
    ]


def test_attribute_list_ids_and_setext_headings_are_seen_by_every_reader():
    original = "Titre {: id=\"x-y\" }\n===================\n\nTexte : ici.\n\nSuite\n-----\n\nPlus.\n"
    translation = "Title {: id=\"x-y\" }\n===================\n\nText: here.\n\n## Next {#next}\n\nMore.\n"
    page = read_markdown(original, SITE_MARKDOWN)
    assert [(h.line, h.id, h.explicit) for h in page.headings] == [(1, "x-y", True), (6, "suite", False)]
    assert [(section.id, section.line) for section in page.sections] == [("x-y", 1), ("suite", 6)]
    assert [finding.message for finding in check_pair(original, "docs/fr/x.md", translation, "docs/en/x.md", SITE_MARKDOWN)] == [
        "heading without an explicit id in docs/fr/x.md:6 ('Suite'): add {#id} so it pairs with its twin",
        "heading 'next': missing in docs/fr/x.md, in docs/en/x.md:6",
    ]
    assert duplicate_heading_ids(read_markdown(original + "\nSuite\n-----\n", SITE_MARKDOWN), "docs/fr/x.md")[0].line == 11
    assert [finding.line for finding in typography_findings(original, "docs/fr/x.md", "french", SITE_MARKDOWN)] == [4]
    assert [finding.line for finding in avoided_terms(page, "docs/fr/x.md", "fr", [Term("t", {"fr": "x"}, {"fr": ["suite"]})])] == [6]


def test_the_content_policy_reads_raw_html_with_its_lines():
    text = (
        "# T\n\n<div>\n<p>ok</p>\n<img src=\"x.png\"\n     onerror=\"alert(1)\">\n</div>\n\n[x]: javascript:alert(1)\n\n"
        "<div markdown onmouseover=\"y()\">\n\n[a](http://example.org/)\n\n</div>\n"
    )
    assert [(finding.line, finding.rule) for finding in check_markdown(text, "docs/fr/x.md", SITE_MARKDOWN)] == [
        (6, "no-inline-event-handler"),
        (9, "no-javascript-url"),
        (11, "no-inline-event-handler"),  # md_in_html's element keeps its attributes in the tree
        (13, "external-links-https"),
    ]


def test_extensions_change_what_is_read():
    """Without the admonition extension, `!!!` is a paragraph: the model follows the configuration."""
    text = "!!! note\n    Text.\n"
    assert [f.value for f in read_markdown(text, SITE_MARKDOWN).admonitions] == ["note"]
    assert read_markdown(text, MarkdownOptions.from_mkdocs_yml([])).admonitions == ()


def test_the_recorded_fingerprints_are_the_models_on_the_real_site():
    """Every translation of the real site is current: what translations/<language>.yml recorded
    (by the line reader this model replaced) is what the model reads in the originals today."""
    project = load_project(PROJECT / "mkdocs.yml")
    locks = {language: read_lock(project.lock_path(language), project.shown(project.lock_path(language))) for language in project.translation_languages}
    assert any(locks.values())  # a language just started has an empty record
    for language, lock in locks.items():
        for page, record in lock.items():
            sections = read_markdown(project.read(project.page_path(project.default_language, page)), project.markdown).sections
            assert {section.id: section.fingerprint for section in sections} == {
                section_id: recorded.fingerprint for section_id, recorded in record.sections.items()
            }, page
            assert {section.id: normalize(section.text) for section in sections} == {
                section_id: recorded.source for section_id, recorded in record.sections.items()
            }, page
