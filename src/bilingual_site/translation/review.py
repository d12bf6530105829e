"""What the translation tool's `check`, `glossary` and `typography` find, for the tool and the build alike.

`./tasks.sh translations check` prints the structural findings; the build (plugin.py,
on_pre_build) stops on the same findings, in the same words (build_findings), except in a
translation that is outdated since its record: there the original has moved on (a section added,
a table changed) and the translation lags behind on purpose, which readers are told by the
outdated notice; the build shows those findings as warnings. The glossary and typography
findings are printed by the tool and shown by the build as warnings that do not stop it.

Each page is read once: its source is checked as the build checks every page source
(page_sources.py), so a page whose front matter is broken is reported as such, with its line,
rather than as every key of the other file missing; then it is read by the Markdown model.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bilingual_site.errors import InputError, decode_utf8
from bilingual_site.translation.freshness import OUTDATED, ProjectStatus
from bilingual_site.translation.glossary import Term, lint_pages
from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownPage, read_markdown
from bilingual_site.markdown.page_marks import ClaimQuote, PageClaims, claim_mark_problems, find_claims, missing_quote
from bilingual_site.checks.page_sources import check_page_source
from bilingual_site.translation.parity import Finding, Side, check_pages
from bilingual_site.site.reference_data import ReferenceData
from bilingual_site.translation.project import Project
from bilingual_site.translation.typography import CONVENTIONS, TEXT_KEYS, page_typography

# The front matter keys of an original published as written that the project wrote, not its
# author: `description`, for search results and link previews. The rest is the original's text.
PROJECT_KEYS_OF_AN_ORIGINAL = ("description",)


class ProjectPages:
    """The pages of a project, each read once when first asked for: source checked, then modelled."""

    def __init__(self, project: Project, models: dict[Path, MarkdownPage] | None = None) -> None:
        """``models``: pages the caller has read already with the same checks (the build's source checks)."""
        self.project = project
        self.models: dict[Path, MarkdownPage] = dict(models or {})
        self.texts: dict[Path, str] = {}
        # What the folders hold is looked up once too: the build's review asks for every pair
        # three times (structure, glossary, typography), while no file changes.
        self._listed: dict[str, list[str]] = {}
        self._files: dict[tuple[str, str], bool] = {}
        self._sides: dict[tuple[str, str], Side] = {}

    def text(self, path: Path) -> str:
        if path not in self.texts:
            self.texts[path] = self.project.read(path)
        return self.texts[path]

    def model(self, path: Path) -> MarkdownPage:
        if path not in self.models:
            raw, shown = path.read_bytes(), self.project.shown(path)
            check_page_source(raw, shown)  # the first problem the build would stop on, as InputError
            self.texts[path] = decode_utf8(raw, shown)
            self.models[path] = read_markdown(self.texts[path], self.project.markdown)
        return self.models[path]

    def side(self, language: str, page: str) -> Side:
        if (language, page) not in self._sides:
            path = self.project.page_path(language, page)
            self._sides[language, page] = Side(self.project.shown(path), self.model(path))
        return self._sides[language, page]

    def pages(self, language: str) -> list[str]:
        """Project.pages, listed once."""
        if language not in self._listed:
            self._listed[language] = self.project.pages(language)
        return self._listed[language]

    def has_page(self, language: str, page: str) -> bool:
        """Whether the page's file exists, looked up once."""
        if (language, page) not in self._files:
            self._files[language, page] = self.project.page_path(language, page).is_file()
        return self._files[language, page]


# --- Structure ------------------------------------------------------------------------------


def translated_pairs(pages: ProjectPages, selected: list[str] | None = None, languages: list[str] | None = None) -> Iterator[tuple[str, str]]:
    """(language, page) for every page that exists in the original and in a translation (of
    ``languages`` only, when given)."""
    project = pages.project
    for language in project.translation_languages:
        if languages is not None and language not in languages:
            continue
        for page in selected or pages.pages(project.default_language):
            if pages.has_page(language, page) and pages.has_page(project.default_language, page):
                yield language, page


def pair_findings(pages: ProjectPages, language: str, page: str) -> list[Finding]:
    return check_pages(pages.side(pages.project.default_language, page), pages.side(language, page))


def build_findings(pages: ProjectPages, statuses: ProjectStatus, languages: list[str] | None = None) -> tuple[list[Finding], list[Finding]]:
    """(what stops the build, what it shows as warnings): structure_findings, split by the status of
    each translation. Orphans are left to the build's own source checks, which stop it earlier."""
    stopping, shown = [], []
    for language, page in translated_pairs(pages, languages=languages):
        status = statuses.page_status(language, page)
        lagging = status.status == OUTDATED and status.recorded is not None
        (shown if lagging else stopping).extend(pair_findings(pages, language, page))
    return stopping, shown


def orphan_findings(project: Project) -> list[Finding]:
    """Translations whose original does not exist: the build refuses them."""
    originals = set(project.pages(project.default_language))
    found = []
    for language in project.translation_languages:
        for page in project.pages(language):
            if page not in originals:
                orphan, original = project.shown(project.page_path(language, page)), project.shown(project.page_path(project.default_language, page))
                found.append(Finding(
                    "orphan", f"{orphan}: no original {original}; create the original, or rename or delete this translation", orphan,
                ))
    return found


def structure_findings(pages: ProjectPages, selected: list[str] | None = None) -> list[Finding]:
    """What differs between each translated page and its original (``selected`` pages only, or every
    page and the orphans)."""
    findings = [finding for language, page in translated_pairs(pages, selected) for finding in pair_findings(pages, language, page)]
    if selected is None:
        findings += orphan_findings(pages.project)
    return findings


# --- Claims ---------------------------------------------------------------------------------


def claim_findings(pages: ProjectPages, data: ReferenceData, claims_shown: str = "data/claims.yml") -> list[LineFinding]:
    """Each claim's quote, looked for in the quoted page of every language that has one, as the
    build looks for it (page_marks.find_claims). A language without the page shows the original's
    text, whose quotes are checked with the original."""
    project = pages.project
    findings: list[LineFinding] = []
    for language in project.languages:
        path = project.page_path(language, data.quoted_page)
        if not path.is_file():
            continue
        shown = project.shown(path)
        quotes, lines = [], {}
        for claim in data.claims:
            quote = claim["quote"].get(language)
            if quote is None:
                findings.append(missing_quote(claim["id"], claim["quote"].line, language, shown, claims_shown))
                continue
            lines[claim["id"]] = claim["quote"].key_lines[language]
            # Only where the quotes are found counts here: the marks' words are the build's (interface strings).
            quotes.append(ClaimQuote(claim["id"], claim["status"], quote, verdict=claim["status"], label="", claims_page=data.claims_page))
        pages.model(path)  # the page's source checked first, as for every other command
        marked = find_claims(pages.text(path), project.markdown, PageClaims(quotes))
        findings += claim_mark_problems(marked, lines, language, shown, claims_shown)
    return findings


# --- Glossary and typography ----------------------------------------------------------------


def glossary_findings(pages: ProjectPages, terms: list[Term], languages: list[str] | None = None) -> list[LineFinding]:
    project = pages.project
    findings = []
    for language, page in translated_pairs(pages, languages=languages):
        original, translation = pages.side(project.default_language, page), pages.side(language, page)
        findings += lint_pages(original.page, original.shown, project.default_language, translation.page, translation.shown, language, terms)
    return sorted(findings, key=lambda finding: (finding.path, finding.line))


def served_as_written(project: Project, language: str, page: MarkdownPage) -> bool:
    """An original that was generated (front matter `generated: true`) is published as it was written."""
    return language == project.default_language and page.meta.get("generated") is True


def typography_findings(pages: ProjectPages, languages: list[str] | None = None) -> tuple[list[LineFinding], list[str]]:
    """Every page's findings under its language's convention (of ``languages`` only, when given), and
    the pages checked in part: an original published as written has only what the project added to
    it checked."""
    project = pages.project
    findings, in_part = [], []
    for language, convention in project.typography.items():
        if languages is not None and language not in languages:
            continue
        if convention not in CONVENTIONS:
            raise InputError("mkdocs.yml", None, f"language {language!r}: unknown typography {convention!r} (known: {', '.join(CONVENTIONS)})")
        for page in pages.pages(language):
            side = pages.side(language, page)
            if served_as_written(project, language, side.page):
                in_part.append(side.shown)
                findings += page_typography(side.page, side.shown, convention, keys=PROJECT_KEYS_OF_AN_ORIGINAL, body=False)
            else:
                findings += page_typography(side.page, side.shown, convention, keys=TEXT_KEYS)
    return sorted(findings, key=lambda finding: (finding.path, finding.line)), in_part
