"""The layout of docs/: one folder per language the configuration declares, pages inside them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bilingual_site.errors import InputError


def check_language_folders(docs: Path, declared: list[str]) -> None:
    """Raise InputError for Markdown outside the declared language folders (docs/de/ with no `de` declared).

    The i18n plugin would publish such pages silently, as pages of the default language.
    A folder without Markdown (images, for instance) is left alone.
    """
    folders = ", ".join(f"docs/{code}/" for code in declared)
    for entry in sorted(docs.iterdir()):
        if entry.is_dir() and entry.name not in declared and any(entry.rglob("*.md")):
            raise InputError(
                f"docs/{entry.name}/",
                None,
                f"folder {entry.name!r} is not a language declared in mkdocs.yml "
                f"(plugins > i18n > languages: {', '.join(declared)}); declare it there or move its pages to {folders}",
            )
        if entry.is_file() and entry.suffix == ".md":
            raise InputError(f"docs/{entry.name}", None, f"pages live in a language folder ({folders}), not at the top of docs/")


@dataclass(frozen=True)
class SourceFile:
    """One page source under docs/, as the source checks read it."""

    path: Path
    relative: str  # its path under docs/: 'fr/note.md'
    raw: bytes

    @property
    def shown(self) -> str:
        """As messages show it: 'docs/fr/note.md'."""
        return f"docs/{self.relative}"

    @cached_property
    def text(self) -> str:
        """Bytes that are not UTF-8 are replaced here; checks/page_sources.py reports them with their line."""
        return self.raw.decode("utf-8-sig", errors="replace")  # without a leading byte-order mark, as MkDocs reads it


def source_files(docs: Path) -> list[SourceFile]:
    """Every page under docs/, in path order."""
    return [SourceFile(path, path.relative_to(docs).as_posix(), path.read_bytes()) for path in sorted(docs.rglob("*.md"))]


# --- Files published from docs/ ----------------------------------------------------------------

# MkDocs copies every other file of docs/ to the site as it is: an .html file would be served as a
# page of the site outside every check (with its own scripts), a .js file could be loaded by one.
# Only pages and images are published; raster images must start with their format's signature (a
# browser never renders an image response as a page), SVG only when it holds nothing active.
RASTER_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
PAGE_SUFFIX = ".md"
ALLOWED_SUFFIXES = (PAGE_SUFFIX, *RASTER_SIGNATURES, ".webp", ".avif", ".svg")


def _starts_like(suffix: str, raw: bytes) -> bool:
    if suffix == ".webp":
        return raw[:4] == b"RIFF" and raw[8:12] == b"WEBP"
    if suffix == ".avif":
        return raw[4:8] == b"ftyp" and raw[8:12] in (b"avif", b"avis")
    return raw.startswith(RASTER_SIGNATURES[suffix])


def published_file_problems(shown: str, raw: bytes) -> list[InputError]:
    """Why the file ``shown`` ('docs/fr/evil.html') may not be published from docs/ (empty: it may).

    Pages (.md) are read by the page checks (checks/page_sources.py); here they pass.
    """
    if Path(shown).suffix == PAGE_SUFFIX:
        return []
    suffix = Path(shown).suffix.lower()
    if suffix == PAGE_SUFFIX:  # '.MD': rendered by MkDocs, but the page checks read '.md' files
        return [InputError(shown, None, "a page's name ends in lowercase '.md'; rename it")]
    if suffix == ".svg":
        return svg_problems(shown, raw)
    if suffix in (*RASTER_SIGNATURES, ".webp", ".avif"):
        if _starts_like(suffix, raw):
            return []
        return [InputError(shown, None, f"is not a {suffix[1:].upper()} image (its bytes do not start with the format's signature)")]
    kind = f"a {suffix} file" if suffix else "a file without an extension"
    return [InputError(
        shown, None,
        f"{kind} is not published from docs/: only Markdown pages (.md), raster images "
        "(.png, .jpg, .jpeg, .gif, .webp, .avif) and SVG images without script are; remove it",
    )]


# SVG: parsed as XML by expat, with the document type refused before any entity can be declared
# or expanded. Refused: elements outside the SVG namespace, script-capable elements, event handlers, references to anything outside the
# file (href other than '#fragment', url() other than '#fragment', xml:base, processing
# instructions such as xml-stylesheet), and animations that could rewrite a link's target.
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
SVG_FORBIDDEN_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "style", "a"})
SVG_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform", "discard"})
SVG_URL_ATTRIBUTES = frozenset({"href", "src", "base"})


class _SvgRefused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name) of an expat name written 'namespace local'."""
    namespace, _, local = name.rpartition(" ")
    return namespace, local


# CSS functions that load an image from a string as well as from url(): `image-set("x.png" 1x)`
# (and `-webkit-image-set`) fetches whatever the string names, with no url() in sight.
CSS_LOADING_FUNCTIONS = ("image-set(", "src(")


def _external_css_url(value: str) -> bool:
    """Whether a style or presentation value holds url(...), @import or image-set(...) pointing outside the file."""
    lowered = value.lower()
    if "@import" in lowered or any(function in lowered for function in CSS_LOADING_FUNCTIONS):
        return True
    start = lowered.find("url(")
    while start != -1:
        target = lowered[start + 4 :].lstrip(" \t\n\"'")
        if not target.startswith("#"):
            return True
        start = lowered.find("url(", start + 4)
    return False


def svg_problems(shown: str, raw: bytes) -> list[InputError]:
    """Why an SVG file may not be published (empty: it holds only inert drawing)."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    # No external entity or DTD is ever fetched; the handlers below refuse the DTD itself.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = [0]

    def line() -> int:
        return parser.CurrentLineNumber

    def refuse_doctype(*_):
        raise _SvgRefused(line(), "an SVG with a document type (<!DOCTYPE>) is not published: its entities could expand or fetch")

    def refuse_instruction(target, _data):
        raise _SvgRefused(line(), f"processing instruction <?{target} ...?> is not allowed (it can load a stylesheet)")

    def start(name, attributes):
        namespace, local = _local(name)
        element = local.lower()
        if depth[0] == 0 and (namespace != SVG_NAMESPACE or local != "svg"):
            raise _SvgRefused(line(), f"the root element must be <svg> in the SVG namespace ({SVG_NAMESPACE})")
        depth[0] += 1
        if namespace != SVG_NAMESPACE:
            # An XHTML element inside an SVG document is live even where it is not drawn:
            # <h:meta http-equiv="refresh"> sends the reader away, <h:img srcset> loads from anywhere.
            shown_namespace = f"the namespace {namespace}" if namespace else "no namespace"
            raise _SvgRefused(line(), f"<{local}> is in {shown_namespace}: a published SVG holds only SVG elements ({SVG_NAMESPACE})")
        if element in SVG_FORBIDDEN_ELEMENTS:
            raise _SvgRefused(line(), f"<{local}> is not allowed in a published SVG (script, links and embedded documents are not)")
        for attribute, value in attributes.items():
            _, attribute_local = _local(attribute)
            lowered = attribute_local.lower()
            if lowered.startswith("on"):
                raise _SvgRefused(line(), f"event handler attribute {attribute_local!r} is not allowed")
            if lowered in SVG_URL_ATTRIBUTES and not value.strip().startswith("#"):
                raise _SvgRefused(line(), f"{attribute_local}={value!r} refers outside the file (only '#id' references are allowed)")
            if "\\" in value:
                raise _SvgRefused(line(), f"{attribute_local}: a backslash is not allowed in attribute values (a CSS escape could hide url())")
            if _external_css_url(value):
                raise _SvgRefused(line(), f"{attribute_local}={value!r} loads something from outside the file")
            if element in SVG_ANIMATIONS and lowered == "attributename" and _local(value.replace(":", " "))[1].lower() in SVG_URL_ATTRIBUTES:
                raise _SvgRefused(line(), f"<{local}> may not animate {value!r} (it would change a reference)")

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.ProcessingInstructionHandler = refuse_instruction
    parser.StartElementHandler = start
    try:
        parser.Parse(raw, True)
    except _SvgRefused as refused:
        return [InputError(shown, refused.line, refused.message)]
    except expat.ExpatError as error:
        return [InputError(shown, error.lineno, f"is not well-formed XML: {expat.errors.messages[error.code]}")]
    return []


def check_published_files(files: list[tuple[str, Path]]) -> list[InputError]:
    """Every problem of the files MkDocs would publish from docs/, given as (shown path, path)."""
    problems: list[InputError] = []
    for shown, path in files:
        if path.is_symlink():
            problems.append(InputError(shown, None, "a symbolic link is not published from docs/ (MkDocs would copy whatever it points to); put the file itself there"))
        else:
            problems += published_file_problems(shown, path.read_bytes())
    return problems
