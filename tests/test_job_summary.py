"""Contributed text written to GitHub's job summary and annotations comes out as text, never markup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from bilingual_site.tools.job_summary import annotation, command_data, command_property, summary_section, visible_text

ROOT = Path(__file__).resolve().parent.parent

# Names a pull request can give a page, a section id or a heading, each trying to become markup
# in the summary: an element with a handler, a link or image to another site or to a script URL,
# the end of the block the report sits in, an entity that would decode into a tag.
HOSTILE_NAMES = [
    "docs/en/<img src=x onerror=alert(1)>.md",
    "docs/en/<script>alert(1)</script>.md",
    "docs/en/x](javascript:alert(1)).md",
    "docs/en/[click me](javascript:alert(1)).md",
    "docs/en/![tracker](https://evil.example/pixel.png).md",
    "docs/en/<https://evil.example/>.md",
    "docs/en/``` </pre> ```.md",
    "docs/en/```\n[link](https://evil.example/)\n```.md",
    "docs/en/x</pre><img src=x onerror=alert(1)>.md",
    "docs/en/x</PRE ><a href=https://evil.example/>y</a>.md",
    "docs/en/&lt;img src=x onerror=alert(1)&gt;.md",
    "docs/en/&#60;script&#62;alert(1)&#60;/script&#62;.md",
    "docs/en/<!--><img src=x onerror=alert(1)>-->.md",
    "docs/en/<![CDATA[><img src=x onerror=alert(1)>]]>.md",
    "docs/en/x\n\n# Heading\n\n[link](https://evil.example/)\n\n.md",
    "docs/en/x\n    <img src=x>\n.md",
    "docs/en/<details open ontoggle=alert(1)>.md",
    "docs/en/<a href=\"javascript:alert(1)\">x</a>.md",
    'docs/en/x" onmouseover="alert(1).md',
    "docs/en/| a | b |\n| - | - |\n| <img src=x> | c |.md",
    "docs/en/[x]: https://evil.example/\n[x].md",
    "docs/en/\\<img src=x>.md",
    "docs/en/:warning: @everyone #1.md",
]

# Characters that hide or reorder text on screen: the summary writes them out instead.
INVISIBLE_NAMES = [
    ("docs/en/photo\u202egpj.md", "docs/en/photo\\u202egpj.md"),
    ("docs/en/a\u200bb.md", "docs/en/a\\u200bb.md"),
    ("docs/en/a\x00b\x1b[31mc.md", "docs/en/a\\u0000b\\u001b[31mc.md"),
    ("docs/en/a\rb.md", "docs/en/a\\u000db.md"),
    ("docs/en/a\u2028b.md", "docs/en/a\\u2028b.md"),
]


def status_report(name: str) -> str:
    """A `translations status` report naming ``name`` the way the tool lays out its lines."""
    return f"fr    index.md                         original\nen    {name:<32} outdated  changed: {name}\nen: 3 of 4 sections current (75%)"


def element_tags(html_text: str) -> list[str]:
    tree = LexborHTMLParser(html_text)
    return [node.tag for node in tree.body.traverse(include_text=False)][1:]  # [0] is <body>


def attributes(html_text: str) -> list[dict]:
    tree = LexborHTMLParser(html_text)
    return [node.attributes for node in tree.body.traverse(include_text=False) if node.tag != "body" and node.attributes]


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions, as mkdocs.yml declares them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_name_is_shown_as_text_in_the_summary_html(name):
    report = status_report(name)
    section = summary_section("Translation status", report)
    assert element_tags(section) == ["h2", "pre"]
    assert attributes(section) == []
    tree = LexborHTMLParser(section)
    assert tree.css_first("pre").text(deep=True) == report + "\n"
    assert tree.css_first("h2").text(deep=True) == "Translation status"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_name_stays_text_once_the_summary_is_read_as_markdown(name, site_markdown):
    report = status_report(name)
    rendered = site_markdown.reset().convert(summary_section("Translation status", report))
    assert element_tags(rendered) == ["h2", "pre"]
    assert attributes(rendered) == []
    assert LexborHTMLParser(rendered).css_first("pre").text(deep=True) == report + "\n"


@pytest.mark.parametrize("name", ["<img src=x onerror=alert(1)>", "a\n\n[link](javascript:alert(1))", "`x`"])
def test_a_hostile_title_is_one_line_of_text(name, site_markdown):
    for html_text in (summary_section(name, "text"), site_markdown.reset().convert(summary_section(name, "text"))):
        assert element_tags(html_text) == ["h2", "pre"]
        assert LexborHTMLParser(html_text).css_first("h2").text(deep=True) == " ".join(name.split())


@pytest.mark.parametrize(("name", "shown"), INVISIBLE_NAMES)
def test_invisible_and_reordering_characters_are_written_out(name, shown):
    assert visible_text(name) == shown
    shown_report = LexborHTMLParser(summary_section("Translation status", status_report(name))).css_first("pre").text(deep=True)
    hidden = set(name) - set(shown)
    assert f"changed: {shown}\n" in shown_report
    assert hidden and not hidden & set(shown_report)


def test_tabs_and_newlines_keep_the_report_laid_out():
    assert visible_text("a\tb\nc") == "a\tb\nc"


def test_an_empty_report_is_an_empty_block():
    section = summary_section("Translation status", "")
    assert element_tags(section) == ["h2", "pre"]
    assert LexborHTMLParser(section).css_first("pre").text(deep=True) == ""


def test_the_command_line_reads_bytes_and_writes_the_section():
    report = status_report("docs/en/<img src=x>.md").encode() + b"\nen    caf\xe9.md  untranslated\n"
    result = subprocess.run(
        [sys.executable, "-m", "bilingual_site.tools.job_summary", "Translation status"], input=report, capture_output=True, check=True
    )
    pre = LexborHTMLParser(result.stdout.decode()).css_first("pre").text(deep=True)
    assert "docs/en/<img src=x>.md" in pre
    assert "caf\ufffd.md" in pre  # not UTF-8: replaced and shown, the rest of the report kept
    assert element_tags(result.stdout.decode()) == ["h2", "pre"]


# --- annotations -------------------------------------------------------------


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the Actions runner does and undo its escapes."""
    assert line.startswith("::") and "\n" not in line and "\r" not in line
    head, message = line[2:].split("::", 1)
    level, _, property_text = head.partition(" ")
    properties = {}
    for pair in property_text.split(",") if property_text else []:
        key, value = pair.split("=", 1)
        properties[key] = value.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    return level, properties, message.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


@pytest.mark.parametrize(
    "name",
    [
        "docs/en/a,title=forged.md",
        "docs/en/a::error::forged.md",
        "docs/en/a\n::error file=x,line=1::forged\n.md",
        "docs/en/a\r\n::add-mask::secret.md",
        "docs/en/100%0Aforged.md",
        "docs/en/a%2Cline=9.md",
    ],
)
def test_an_annotation_is_one_command_whatever_the_name(name):
    line = annotation("warning", f"{name}: section 'x' is missing", file=name, line=12, title=f"Parity: {name}")
    level, properties, message = parse_command(line)
    assert level == "warning"
    assert properties == {"file": name, "line": "12", "title": f"Parity: {name}"}
    assert message == f"{name}: section 'x' is missing"


def test_annotation_escapes_follow_the_runner():
    assert command_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert command_property("C:\\a,b%") == "C%3A\\a%2Cb%25"
    assert annotation("notice", "done") == "::notice::done"


def test_annotation_refuses_an_unknown_level():
    with pytest.raises(ValueError, match="'debug'"):
        annotation("debug", "x")
