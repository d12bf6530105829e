"""How build time grows with the number of pages: synthetic sites of 10, 100 and 1,000 pages per language.

Each synthetic site is the project's own configuration (mkdocs.yml, hooks/, overrides/,
data/) around generated docs: N French pages in folders of 50, their English
translations except every fifth page (left untranslated, so built as French fallbacks).
Every translation is recorded as up to date in the translation lock (the translation tool's
`record`), then the French original of every seventh page is edited, so its translation is
outdated in one section (`generate_outdated_pages`).
The explicit `nav:` is dropped (it lists the real pages only) and MkDocs builds the
navigation from the folders. For each size it measures, each in a fresh Python process:

- full: both languages, every hook (the time of `load_config` + `build`, interpreter start-up left out);
- inside the hooks: the part of the full build spent in the project's hooks' own event
  functions (each hook event timed as MkDocs calls it); this leaves out what our template
  overrides add to Material's rendering, which full minus plain includes;
- fr alone, en alone: `BUILD_ONLY_LOCALE=fr|en`, the one-language preview (English alone is
  built without --strict: with French not built there are no fallback pages, so links to
  untranslated pages warn);
- plain: the same docs with no `hooks:` and no `overrides/`, i.e. Material + static-i18n alone,
  so full minus plain is the cost of the project's own hooks and templates;
- without the views: every hook but hooks/parallel_view.py, so full minus this is what the
  parallel views cost (they add a page per translated page and interface language);
- serve rebuild: a real `mkdocs serve`, one French page edited on disk, the time until the
  server answers with the new text (polled every 50 ms; includes MkDocs' 0.1 s debounce).
  `mkdocs serve` rebuilds the whole site on every change (it reloads the config and runs a full
  build unless `--dirty` is given), so this is what a writer waits for after saving.

Full, plain and without-the-views builds take turns, `--runs` times each (3 by default), and
the fastest of each is kept: a 1,000-page build varies by a few seconds from one run to the
next on a shared machine, as much as the differences measured here. Builds keep Python's
bytecode cache, as a writer's machine does (the first run of each kind compiles the hooks), and
write their sites into memory when the machine has it (see default_output). It prints a table
and writes an SVG chart of build time against pages (hand-written SVG).

    ./tasks.sh benchmark                           # 10, 100, 1000 pages per language
    .venv/bin/python scripts/build_benchmark.py --sizes 10 100 --svg /tmp/build-time.svg
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from site_tools import PROJECT, free_port

from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.cli import OK, record

PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "translations")
PER_FOLDER = 50
UNTRANSLATED_EVERY = 5
OUTDATED_EVERY = 7  # of the translated pages, these have an original edited after the translation was recorded
RECORDED_ON = datetime.date(2026, 1, 1)
WORDS = {
    "fr": "le moteur d'inférence sert les modèles à poids ouverts avec une mémoire du cache KV gérée par pages "
    "et un regroupement continu des requêtes ; les fournisseurs publient rarement ce qui tourne derrière leur API "
    "mais recommandent souvent vLLM SGLang ou TensorRT-LLM pour l'autohébergement de leurs modèles".split(),
    "en": "the inference engine serves open-weight models with paged KV-cache memory and continuous batching of "
    "requests; providers rarely publish what runs behind their API but often recommend vLLM SGLang or "
    "TensorRT-LLM for self-hosting their models".split(),
}


# --- Synthetic sites --------------------------------------------------------------------------------


def page_path(number: int) -> str:
    return f"part-{number // PER_FOLDER + 1:02d}/page-{number:04d}.md"


def page_text(language: str, number: int, pages: int) -> str:
    """A page shaped like the real ones: front matter, sections with explicit ids, a table, a list, links."""
    rng = random.Random(f"{language}-{number}")

    def sentence(length: int = 18) -> str:
        words = [rng.choice(WORDS[language]) for _ in range(length)]
        return " ".join(words).capitalize() + "."

    title = {"fr": "Page", "en": "Page"}[language] + f" {number}"
    neighbour = (number + 1) % pages
    link = os.path.relpath(page_path(neighbour), os.path.dirname(page_path(number)))
    lines = ["---", f"title: {title}", f'description: "{sentence(12)}"', "---", "", f"# {title} {{#page-{number}}}", ""]
    for section in range(4):
        lines += [f"## {sentence(4)[:-1]} {{#section-{section}}}", "", sentence(), sentence(), "", sentence(), ""]
    lines += ["| A | B | C |", "| --- | --- | --- |"]
    lines += [f"| {rng.choice(WORDS[language])} | {rng.randint(1, 99)} | {rng.choice(WORDS[language])} |" for _ in range(4)]
    lines += ["", f"- [{title} +1]({link})", f"- {sentence(8)}", f"- {sentence(8)}", ""]
    return "\n".join(lines)


def is_translated(number: int) -> bool:
    return number % UNTRANSLATED_EVERY != 0


def generate_outdated_pages(project: Path, pages: int) -> None:
    """Record every translation as up to date, then edit the original of every seventh recorded page.

    Recording is the translation tool's own pure function (what `./tasks.sh translations record`
    runs), so the lock (translations/en.yml) is written in the format the build reads. The edit
    adds a sentence to one paragraph of the French original, so that page's translation is
    outdated in one section: the build marks it on the page and in the parallel view.
    """
    tool = load_project(project / "mkdocs.yml")
    originals = set(tool.pages(tool.default_language))
    pairs = [(language, page) for language in tool.translation_languages for page in tool.pages(language) if page in originals]
    outcome = record(tool, pairs, RECORDED_ON)
    if outcome.code != OK:
        raise SystemExit(f"recording the synthetic translations of {project} failed:\n{outcome.text}")
    for number in range(pages):
        if is_outdated(number):
            original = tool.page_path(tool.default_language, page_path(number))
            text = original.read_text(encoding="utf-8").replace("{#section-1}\n\n", "{#section-1}\n\nUne phrase ajoutée après la traduction. ", 1)
            original.write_text(text, encoding="utf-8")


def is_outdated(number: int) -> bool:
    return is_translated(number) and number % OUTDATED_EVERY == 0


def generate_site(project: Path, pages: int, plain: bool = False, without_hooks: tuple[str, ...] = ()) -> Path:
    """A copy of the project's build configuration around ``pages`` generated pages per language,
    with the hooks listed in ``without_hooks`` (e.g. 'hooks/parallel_view.py') left out."""
    project.mkdir(parents=True)
    for part in PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        elif source.is_file():
            shutil.copy2(source, project / part)
    if (project / "translations").is_dir():
        shutil.rmtree(project / "translations")  # its entries describe the real pages
        (project / "translations").mkdir()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*", "", config)  # the real page tree; MkDocs builds one from folders
    for hook in without_hooks:
        if f"  - {hook}\n" not in config:
            raise SystemExit(f"mkdocs.yml lists no hook {hook}")
        config = config.replace(f"  - {hook}\n", "")
    if plain:
        config = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", config)
        config = re.sub(r"(?m)^  custom_dir: overrides\n", "", config)
        config = re.sub(r"(?m)^(#.*\n)?extra_(css|javascript):\n(?:  - .*\n)+", "", config)
        shutil.rmtree(project / "hooks")
        shutil.rmtree(project / "overrides")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for language in ("fr", "en"):
        home = project / "docs" / language / "index.md"
        home.parent.mkdir(parents=True)
        home.write_text(f"---\ntitle: Home\ndescription: Synthetic site, {pages} pages.\n---\n\n# Home {{#home}}\n\n[1]({page_path(0)})\n", encoding="utf-8")
        for number in range(pages):
            if language == "en" and not is_translated(number):
                continue
            target = project / "docs" / language / page_path(number)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page_text(language, number, pages), encoding="utf-8")
    generate_outdated_pages(project, pages)
    return project


# --- Measurements ------------------------------------------------------------------------------------

MEASURE = """
import json, logging, sys, time
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=sys.argv[3] == "strict")
by_hook = {}

def timed(method, hook):
    def run(*args, **kwargs):
        began = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            by_hook[hook] = by_hook.get(hook, 0.0) + time.perf_counter() - began
    return run

# MkDocs keeps each event's methods in order and, privately, which plugin each came from.
origins = config.plugins._event_origins
for methods in config.plugins.events.values():
    for index, method in enumerate(methods):
        hook = origins.get(method, "")
        if hook.startswith("hooks/"):
            methods[index] = timed(method, hook)
            origins[methods[index]] = hook
build(config)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "inside_hooks": sum(by_hook.values()), "by_hook": by_hook}))
"""


def environment(**extra: str) -> dict[str, str]:
    # Python's bytecode cache on, as on a writer's machine: Material and MkDocs come with theirs from
    # pip, and a sandbox's PYTHONDONTWRITEBYTECODE would make every build compile the hooks again.
    left_out = {"BUILD_ONLY_LOCALE", "PYTHONDONTWRITEBYTECODE"}
    env = {key: value for key, value in os.environ.items() if key not in left_out}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/", **extra}


def timed_build(project: Path, output: Path, strict: bool = True, **extra: str) -> dict[str, float]:
    """One build in a fresh process (config load + build) into ``output``/<project's name>: its
    seconds and the seconds inside the project's hooks."""
    site = output / project.name
    shutil.rmtree(site, ignore_errors=True)
    # A 1,000-page build writes over a gigabyte: flushed now, the last build's writes are not paid by this one.
    os.sync()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(project / "mkdocs.yml"), str(site), "strict" if strict else "lenient"],
        env=environment(**extra),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"build of {project} {extra} failed (exit {done.returncode}):\n{done.stderr[-3000:]}{done.stdout[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fastest_builds(projects: dict[str, Path], output: Path, runs: int) -> dict[str, dict[str, float]]:
    """Each project built ``runs`` times, taking turns so that a slow moment of the machine is
    shared; the fastest build of each."""
    best: dict[str, dict[str, float]] = {}
    for _ in range(runs):
        for name, project in projects.items():
            result = timed_build(project, output)
            if name not in best or result["seconds"] < best[name]["seconds"]:
                best[name] = result
    return best


def serve_rebuild(project: Path, number: int = 1, timeout: float = 900, **extra: str) -> float:
    """Seconds from saving an edited French page to `mkdocs serve` answering with the edit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page_path(number)[:-3]}.html"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment(**extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(url, lambda body: "</html>" in body, timeout)
        marker = f"edited-{time.time_ns()}"
        source = project / "docs" / "fr" / page_path(number)
        start = time.perf_counter()
        source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        wait_for(url, lambda body: marker in body, timeout)
        return time.perf_counter() - start
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} not ready after {timeout:.0f} s")


# --- Chart --------------------------------------------------------------------------------------------

SERIES = [("full", "Full build, both languages", "#3f51b5"), ("fr", "French alone", "#1b6e31"),
          ("en", "English alone", "#b85c00"), ("plain", "No hooks, no overrides", "#757575"),
          ("serve", "mkdocs serve rebuild after an edit", "#a4161a")]


def svg_chart(rows: list[dict]) -> str:
    """Seconds against pages per language, log-scaled pages axis, one polyline per measurement."""
    width, height, left, right, top, bottom = 720, 360, 60, 270, 20, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    sizes = [row["pages"] for row in rows]
    top_value = max(row[key] for row in rows for key, _, _ in SERIES if row.get(key) is not None)
    low, high = math.log10(min(sizes)), math.log10(max(sizes))

    def x(pages: int) -> float:
        return left + (0 if high == low else (math.log10(pages) - low) / (high - low) * plot_w)

    def y(seconds: float) -> float:
        return top + plot_h - seconds / top_value * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        "<title>Build time against pages per language</title>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#000"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#000"/>',
    ]
    for step in range(5):
        value = top_value * step / 4
        parts.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value:.0f} s</text>')
        parts.append(f'<line x1="{left}" y1="{y(value):.1f}" x2="{left + plot_w}" y2="{y(value):.1f}" stroke="#ddd"/>')
    for pages in sizes:
        parts.append(f'<text x="{x(pages):.1f}" y="{top + plot_h + 16}" text-anchor="middle">{pages}</text>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{height - 10}" text-anchor="middle">pages per language (log scale)</text>')
    for number, (key, label, colour) in enumerate(SERIES):
        points = [(x(row["pages"]), y(row[key])) for row in rows if row.get(key) is not None]
        if not points:
            continue
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in points)}"/>')
        parts += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{colour}"/>' for a, b in points]
        legend_y = top + 10 + number * 20
        parts.append(f'<line x1="{left + plot_w + 15}" y1="{legend_y}" x2="{left + plot_w + 35}" y2="{legend_y}" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{left + plot_w + 40}" y="{legend_y + 4}">{label}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# --- Command ------------------------------------------------------------------------------------------


def default_output() -> Path:
    """Where builds write: memory when the machine offers it. On a disk, creating a file costs what
    the file system's recent past makes it cost: on the machine the README's figures come from (ext4 mounted with
    `discard`) 0.05 to 0.5 ms a file, depending on how much the build before deleted. That noise is
    as large as the hooks' share at 100 pages; a build into memory measures the build itself."""
    memory = Path("/dev/shm")
    if memory.is_dir() and os.access(memory, os.W_OK):
        return memory
    return Path(tempfile.gettempdir())


def share(build: float, plain: float) -> str:
    """What a build costs over Material alone: seconds, and their share of that build."""
    return f"{build - plain:+.2f} s ({(build - plain) / build:.1%})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="pages per language")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind per size; the fastest is kept")
    parser.add_argument("--svg", type=Path, default=Path("/tmp/build-benchmark.svg"), help="where to write the chart")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument(
        "--output",
        type=Path,
        default=default_output(),
        help="folder the builds write their sites in (default: a folder in /dev/shm, memory, when there is one; else the temporary folder)",
    )
    args = parser.parse_args()
    rows, breakdowns = [], []
    print(f"Fastest of {args.runs} runs each for the full, plain and without-the-views builds; sites built into {args.output}.\n")
    print(
        "| Pages per language | Pages built | Full build | Inside the hooks | French alone | English alone "
        "| No hooks, no overrides | Hooks and overrides | Without the parallel views | Hooks but the views | serve rebuild |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="build-benchmark-") as temp, tempfile.TemporaryDirectory(prefix="build-benchmark-sites-", dir=args.output) as output:
        for pages in args.sizes:
            projects = {
                "full": generate_site(Path(temp) / f"site-{pages}", pages),
                "plain": generate_site(Path(temp) / f"plain-{pages}", pages, plain=True),
                "no_views": generate_site(Path(temp) / f"no-views-{pages}", pages, without_hooks=("hooks/parallel_view.py",)),
            }
            best = fastest_builds(projects, Path(output), args.runs)
            row = {"pages": pages, **{name: result["seconds"] for name, result in best.items()}}
            inside = best["full"]["inside_hooks"]
            row["fr"] = timed_build(projects["full"], Path(output), BUILD_ONLY_LOCALE="fr")["seconds"]
            # Not strict: without French there are no fallbacks, so links to untranslated pages warn.
            row["en"] = timed_build(projects["full"], Path(output), strict=False, BUILD_ONLY_LOCALE="en")["seconds"]
            row["serve"] = None if args.no_serve else serve_rebuild(projects["full"])
            rows.append(row)
            english = 1 + sum(1 for number in range(pages) if is_translated(number))
            outdated = sum(1 for number in range(pages) if is_outdated(number))
            serve = "-" if row["serve"] is None else f"{row['serve']:.1f} s"
            print(
                f"| {pages} | {2 * (pages + 1)} ({pages + 1 - english} fallbacks, {outdated} outdated) | {row['full']:.2f} s "
                f"| {inside:.2f} s ({inside / row['full']:.1%}) | {row['fr']:.1f} s "
                f"| {row['en']:.1f} s | {row['plain']:.2f} s | {share(row['full'], row['plain'])} | {row['no_views']:.2f} s "
                f"| {share(row['no_views'], row['plain'])} | {serve} |",
                flush=True,
            )
            for folder in projects.values():
                shutil.rmtree(folder)
            breakdowns.append((pages, sorted(best["full"]["by_hook"].items(), key=lambda item: -item[1])))
    print("\nInside the hooks, by hook (the fastest full build; hooks under 5 ms left out):")
    for pages, by_hook in breakdowns:
        print(f"- {pages} pages: " + ", ".join(f"{hook.removeprefix('hooks/')} {spent:.2f} s" for hook, spent in by_hook if spent >= 0.005))
    args.svg.write_text(svg_chart(rows), encoding="utf-8")
    print(f"\nChart: {args.svg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
