"""The content policy: each rule has a fixture page that breaks it once, outside code, and the build stops on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from bilingual_site.checks.content_policy import RULES, check_markdown
from sitebuild import PROJECT, SITE_MARKDOWN, build_site, copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "content-policy"

EXPECTED = {
    "no-raw-html-script": "docs/en/x.md:5: raw <script> element is not allowed (content policy: no-raw-html-script)",
    "no-raw-html-iframe": "docs/en/x.md:7: raw <iframe> element is not allowed (content policy: no-raw-html-iframe)",
    "no-raw-html-object": "docs/en/x.md:5: raw <object> element is not allowed (content policy: no-raw-html-object)",
    "no-raw-html-embed": "docs/en/x.md:7: raw <embed> element is not allowed (content policy: no-raw-html-embed)",
    "no-raw-html-form": "docs/en/x.md:3: raw <form> element is not allowed (content policy: no-raw-html-form)",
    "no-raw-html-style": "docs/en/x.md:5: raw <style> element is not allowed (content policy: no-raw-html-style)",
    "no-inline-event-handler": "docs/en/x.md:5: inline event handler 'onerror' is not allowed (content policy: no-inline-event-handler)",
    "no-theme-attribute": "docs/en/x.md:5: attribute 'data-md-component' is the theme's (Material's script acts on it) (content policy: no-theme-attribute)",
    "no-javascript-url": "docs/en/x.md:5: javascript: link target is not allowed (content policy: no-javascript-url)",
    "no-data-url": "docs/en/x.md:5: data: link target is not allowed (content policy: no-data-url)",
    "external-links-https": "docs/en/x.md:5: external link 'http://example.org/' must use https (content policy: external-links-https)",
}


def test_every_rule_has_a_fixture():
    assert sorted(EXPECTED) == sorted(RULES)
    assert sorted(path.stem for path in FIXTURES.glob("*.md")) == sorted([*RULES, "allowed"])


@pytest.mark.parametrize("rule", RULES)
def test_fixture_breaks_its_rule_once_with_file_line_and_rule(rule):
    findings = check_markdown((FIXTURES / f"{rule}.md").read_text(encoding="utf-8"), "docs/en/x.md", SITE_MARKDOWN)
    assert [str(finding) for finding in findings] == [EXPECTED[rule]]


def test_code_https_and_mailto_are_allowed():
    assert check_markdown((FIXTURES / "allowed.md").read_text(encoding="utf-8"), "docs/en/x.md", SITE_MARKDOWN) == []


@pytest.mark.parametrize(
    "markdown, rule",
    [
        ('[x](note.md){: onclick="alert(1)" }', "no-inline-event-handler"),  # attr_list sets attributes too
        ('[x](note.md){: href="javascript:alert(1)" }', "no-javascript-url"),
        ("[x]( JavaScript&#x3a;alert(1))", "no-javascript-url"),  # case and entities do not hide it
        # Browsers drop newlines (and tabs) inside URLs; Python-Markdown keeps a newline in a link's target.
        ("[x](java\nscript:alert(1))", "no-javascript-url"),
        ("[x](vbscript:msgbox)", "no-javascript-url"),
        ("[x]: http://example.org/old", "external-links-https"),  # reference definition
        ("<http://example.org/>", "external-links-https"),  # autolink
        ("[x](//cdn.example.org/lib.js)", "external-links-https"),  # protocol-relative
        ('<a href="ftp://example.org/file">file</a>', "external-links-https"),
        ("<svg><script>alert(1)</script></svg>", "no-raw-html-script"),
        ('<div data-md-component="toc">x</div>', "no-theme-attribute"),  # raw HTML as well as attr_list
    ],
)
def test_disguised_violations_are_found(markdown, rule):
    assert [finding.rule for finding in check_markdown(f"# T\n\n{markdown}\n", "docs/fr/x.md", SITE_MARKDOWN)] == [rule]


def test_the_real_pages_follow_the_policy():
    for path in sorted((PROJECT / "docs").rglob("*.md")):
        assert check_markdown(path.read_text(encoding="utf-8"), str(path), SITE_MARKDOWN) == []


def test_a_violation_fails_the_build_with_file_line_and_rule(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    page = project / "docs/en/about.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", "<script>alert(1)</script>", ""]), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    line = len(lines) + 2
    assert f"docs/en/about.md:{line}: raw <script> element is not allowed (content policy: no-raw-html-script)" in caplog.text
    assert not (tmp_path / "site" / "note.html").exists()


def test_markup_arriving_through_reference_data_fails_the_build(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    claims = project / "data/claims.yml"
    text = claims.read_text(encoding="utf-8")
    fact = "          - \"Anthropic n'a publié aucune déclaration"
    assert fact in text
    claims.write_text(text.replace(fact, '          - "<iframe src=\'https://example.org/\'></iframe>"\n' + fact, 1), encoding="utf-8")
    line = text[: text.index(fact)].count("\n") + 1
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    # Named in the data file, at its line, before any page renders it (bilingual_site.site.reference_data.markup_in_data).
    assert f"data/claims.yml:{line}: \"<iframe src='https://example.org/'></iframe>\" is not plain text: '<' is markup" in caplog.text
    assert not list((tmp_path / "site").rglob("*.html"))  # checked before any page is written
