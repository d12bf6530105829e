"""What the translation tool finds is shown where contributors look: the strict build stops on what
`check` reports, in the same words; glossary and typography findings are warnings it does not count;
a record dated in the future and a claim's quote missing from a note are refused by both."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort

from bilingual_site.markdown.model import read_markdown
from bilingual_site.site.reference_data import load_reference_data
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.cli import main
from sitebuild import PROJECT, build_site, copy_project

SITE_URL = "https://example.org/"
PROJECT_LAYOUT = load_project(PROJECT / "mkdocs.yml")
TRANSLATION = PROJECT_LAYOUT.translation_languages[0]  # any translation language will do


def tool(capsys, project, *arguments) -> tuple[int, str, str]:
    code = main([*arguments, "--project", str(project)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def replace_once(path, before: str, after: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1, f"{before!r} is not found once in {path}"
    path.write_text(text.replace(before, after), encoding="utf-8")


def translated(project, page: str):
    return project / "docs" / TRANSLATION / page


def test_a_structural_difference_stops_the_strict_build_in_check_s_words(tmp_path, capsys, caplog):
    project = copy_project(tmp_path / "project")
    page = translated(project, "note.md")
    original = project / "docs" / PROJECT_LAYOUT.default_language / "note.md"
    model = read_markdown(page.read_text(encoding="utf-8"), PROJECT_LAYOUT.markdown)
    original_model = read_markdown(original.read_text(encoding="utf-8"), PROJECT_LAYOUT.markdown)
    heading = next(heading for heading in model.headings if heading.level == 2 and heading.explicit)
    twin = next(twin for twin in original_model.headings if twin.id == heading.id)
    replace_once(page, "{#" + heading.id + "}", "{#" + heading.id + "-renamed}")
    link = next(link for link in model.links if link.value.startswith("https://"))
    replace_once(page, f"({link.value})", f"({link.value}-changed)")
    number = [feature.value for feature in model.links].index(link.value) + 1
    original_link = original_model.links[number - 1]

    code, reported, _ = tool(capsys, project, "check")
    shown, original_shown = f"docs/{TRANSLATION}/note.md", f"docs/{PROJECT_LAYOUT.default_language}/note.md"
    assert (code, reported.splitlines()) == (1, [
        f"heading '{heading.id}': in {original_shown}:{twin.line}, missing in {shown}",
        f"heading '{heading.id}-renamed': missing in {original_shown}, in {shown}:{heading.line}",
        f"link {number}: {original_link.value!r} in {original_shown}:{original_link.line}, {link.value + '-changed'!r} in {shown}:{link.line} "
        "(external links must be identical)",
    ])
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", SITE_URL)
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert errors == [reported.rstrip("\n")]  # every finding, as `check` words it: both files, with lines
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_translation_lagging_behind_its_changed_original_is_a_warning_not_a_stop(tmp_path, caplog):
    """The original gains a section before its translation: the page is outdated, which readers are
    told; the build goes on and says what the translator will have to add."""
    project = copy_project(tmp_path / "project")
    original = project / "docs" / PROJECT_LAYOUT.default_language / "about.md"
    lines = original.read_text(encoding="utf-8").rstrip("\n")
    original.write_text(lines + "\n\n## Nouvelle section {#new-section}\n\nPas encore traduite.\n", encoding="utf-8")
    new_line = lines.count("\n") + 3
    build_site(project, tmp_path / "site", SITE_URL)
    assert (
        f"outdated translation: heading 'new-section': in docs/{PROJECT_LAYOUT.default_language}/about.md:{new_line}, "
        f"missing in docs/{TRANSLATION}/about.md"
    ) in [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]


def test_glossary_and_typography_findings_are_warnings_the_strict_build_shows_and_does_not_count(tmp_path):
    project = copy_project(tmp_path / "project")
    data = load_reference_data(project / "data", list(PROJECT_LAYOUT.languages), PROJECT_LAYOUT.default_language)
    avoided = next(term[TRANSLATION]["avoid"][0] for term in data.terms if term.get(TRANSLATION, {}).get("avoid"))
    # Spelt with spaces where the glossary has hyphens: a variant the rule must catch.
    page = translated(project, "about.md")
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f"\n\nA sentence with {avoided.replace('-', ' ')}s ?\n", encoding="utf-8")
    last_line = page.read_text(encoding="utf-8").count("\n")

    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    warnings = [line for line in completed.stderr.splitlines() if line.startswith("WARNING")]
    shown = f"docs/{TRANSLATION}/about.md:{last_line}"
    assert f"WARNING -  glossary: {shown}: '{avoided}' is a term to avoid; " in "\n".join(warnings)
    assert any(line.startswith(f"WARNING -  typography: {shown}: ") and "'?'" in line for line in warnings)
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_recorded_date_still_to_come_stops_the_build_with_file_and_line(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    lock = project / "translations" / f"{TRANSLATION}.yml"
    lines = lock.read_text(encoding="utf-8").split("\n")
    number = next(index for index, line in enumerate(lines) if line.startswith("  recorded: "))
    page = lines[number - 1].rstrip(":")
    lines[number] = "  recorded: 2999-01-01"
    lock.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", SITE_URL)
    assert (
        f"translations/{TRANSLATION}.yml:{number + 1}: page '{page}': 'recorded' is 2999-01-01, a date still to come; "
        "re-record the page instead of editing this file"
    ) in caplog.text


def claim_quote_line(project, claim_id: str, language: str) -> int:
    data = load_reference_data(project / "data", list(PROJECT_LAYOUT.languages), PROJECT_LAYOUT.default_language)
    claim = next(claim for claim in data.claims if claim["id"] == claim_id)
    return claim["quote"].key_lines[language]


def test_check_reports_a_translated_quote_missing_from_its_note_as_the_build_does(tmp_path, capsys, caplog):
    project = copy_project(tmp_path / "project")
    data = load_reference_data(project / "data", list(PROJECT_LAYOUT.languages), PROJECT_LAYOUT.default_language)
    claim = next(claim for claim in data.claims if TRANSLATION in claim["quote"])
    quote = claim["quote"][TRANSLATION]
    first, rest = quote.split(" ", 1)
    replace_once(translated(project, data.quoted_page), quote, f"{first} indeed {rest}")  # one word more: the words changed

    code, out, _ = tool(capsys, project, "check")
    expected = (
        f"data/claims.yml:{claim_quote_line(project, claim['id'], TRANSLATION)}: claim '{claim['id']}': its '{TRANSLATION}' quote "
        f"is not in docs/{TRANSLATION}/{data.quoted_page} (as one run of text): {quote!r}. The page changed: check the claim again "
        "and update the quote."
    )
    assert (code, out) == (1, expected + "\n")
    code, out, _ = tool(capsys, project, "check", "--format", "github")
    assert code == 1 and out.startswith(f"::error file=data/claims.yml,line={claim_quote_line(project, claim['id'], TRANSLATION)},title=Claim quote::")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", SITE_URL)
    assert expected in caplog.text


def test_check_reports_a_claim_without_a_quote_in_a_translated_language(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    data = load_reference_data(project / "data", list(PROJECT_LAYOUT.languages), PROJECT_LAYOUT.default_language)
    claim = next(claim for claim in data.claims if TRANSLATION in claim["quote"])
    line = claim["quote"].key_lines[TRANSLATION]
    claims_file = project / "data/claims.yml"
    lines = claims_file.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].strip().startswith(f"{TRANSLATION}:")
    del lines[line - 1]
    claims_file.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = tool(capsys, project, "check")
    assert (code, out) == (1, f"data/claims.yml:{claim['quote'].line}: claim '{claim['id']}' has no '{TRANSLATION}' quote of docs/{TRANSLATION}/{data.quoted_page}\n")
