"""Build time of synthetic sites against Material and static-i18n alone, at 10, 100 and 1,000 pages per language.

The budget (issue 16): the full build, parallel views left out, at most 1.10 times a build of
the same synthetic site with Material and static-i18n alone, at 1,000 pages per language, and
build time growing linearly with the pages.

Each synthetic site is one folder: the project's data/, overrides/ and translation lock folder
around generated docs (N French pages in folders of 50, their English translations except
every fifth page, left untranslated and so built as a French fallback; each translation follows
its original phrase by phrase, with the glossary's terms and each language's typography, as the
real pages do, so the build warns about none; every translation recorded as up to date by the
translation tool's `record`, then the French original of every seventh page edited, so its
translation is outdated in one section). Beside the docs, three
configuration files, each the project's own mkdocs.yml with the explicit `nav:` dropped (it
lists the real pages; MkDocs builds the navigation from the folders for all three):

- (a) `mkdocs-material-only.yml`: Material and static-i18n alone. No `bilingual_site` plugin,
  no `theme.custom_dir` (overrides/) and no `extra_css`/`extra_javascript` (the project's files);
  the same docs, search and i18n settings, theme features and Markdown extensions.
- (b) `mkdocs-no-views.yml`: the full site with the plugin's `parallel_views: false`.
- (c) `mkdocs.yml`: the full site, parallel views included.

For each size the three are built in one run of this script, taking turns (a, b, c, then
b, c, a, ...: a slow moment of a shared machine falls on each in turn), `--runs` times each,
each build in a fresh Python process; the median of each is shown, with the ratios b/a and
c/a (the median of the per-round ratios, and their range). What is timed is `load_config`
(which imports the theme and the plugins) and the build as `mkdocs build` runs it (startup
and shutdown events included); the interpreter's start and MkDocs' own imports are left out,
the same for all three. Python's bytecode cache is on, as on a writer's machine.

Two clocks: wall-clock seconds (what a writer waits) and the build process's CPU seconds
(user and system). A build is one process with one thread, so on an idle machine the two
agree within the time spent waiting on files; on a busy machine the wall clock also counts the
time the process waited for a core, which depends on what else ran, and the CPU time does not.

Per page: the build's seconds over the pages built from Markdown in both languages
(2 × (N + 1), home pages and fallbacks included), the same count for the three, so the
parallel views' extra pages show as cost. Growth: per-page time at the largest size against
the next one (1,000 against 100): about 1 when build time grows linearly with the pages.

Inside the plugin: each of BilingualSitePlugin's event methods is timed as MkDocs calls it
(its bound method in MkDocs' event lists replaced by a timed one; the wrapper costs about a
microsecond a call), on both clocks, summed over every language's build, median over the runs.
The plugin also works inside MkDocs' rendering of each page, outside any event: its Markdown
extensions (the page model's instrumented block processors and tree walk, the page marks). That
work is timed as one more row, its own time only: while a block processor the model wraps runs,
the clock counts for MkDocs (MarkdownExtensionClock; about two microseconds a wrapped call).

Sites are written into memory (/dev/shm) when the machine has it: on this project's machine
(ext4 mounted with `discard`), creating a file on disk cost 0.05 to 0.5 ms depending on how
much the build before had deleted, a noise as large as the plugin's share at 100 pages; a build
into memory measures the build itself. Each site is deleted after its build.

    ./tasks.sh benchmark                                   # 10, 100, 1000 pages, 3 runs each
    ./tasks.sh benchmark --sizes 10 100 --runs 5
"""

from __future__ import annotations

# Only the standard library at import time: the measuring process imports this module before
# its timer starts, and anything imported here would leave the plugin's imports out of (b) and (c).
import argparse
import datetime
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from site_tools import PROJECT

from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.cli import OK, record

PARTS = ("data", "overrides", "translations")
PLUGIN = "bilingual_site"
PER_FOLDER = 50
UNTRANSLATED_EVERY = 5
OUTDATED_EVERY = 7  # of the translated pages, these have an original edited after the translation was recorded
RECORDED_ON = datetime.date(2026, 1, 1)
# Phrases in pairs, a French one and its English translation: a page and its translation draw the
# same random sequence of pairs, so each translated sentence says what the original says and uses
# the glossary's preferred terms where the original does, as the real site's pages do (the build
# reports a glossary or typography finding as a warning; a synthetic site full of them would
# measure the cost of printing warnings nobody would leave in a real site).
PHRASES = (
    ("le moteur d'inférence", "the inference engine"),
    ("sert", "serves"),
    ("les modèles à poids ouverts", "open-weight models"),
    ("avec", "with"),
    ("la mémoire du cache KV", "KV-cache memory"),
    ("gérée par pages", "managed in pages"),
    ("et", "and"),
    ("le regroupement continu", "continuous batching"),
    ("des requêtes\u00a0;", "of requests;"),
    ("les fournisseurs", "providers"),
    ("publient rarement", "rarely publish"),
    ("ce qui tourne derrière leur API", "what runs behind their API"),
    ("mais", "but"),
    ("recommandent souvent", "often recommend"),
    ("vLLM", "vLLM"),
    ("SGLang", "SGLang"),
    ("ou", "or"),
    ("TensorRT-LLM", "TensorRT-LLM"),
    ("pour l'auto-hébergement", "for self-hosting"),
    ("de leurs modèles", "of their models"),
)
LANGUAGE_INDEX = {"fr": 0, "en": 1}


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    config_file: str


MATERIAL_ONLY = Kind("a", "Material + static-i18n alone", "mkdocs-material-only.yml")
NO_VIEWS = Kind("b", "Full site, parallel views left out", "mkdocs-no-views.yml")
FULL = Kind("c", "Full site", "mkdocs.yml")
KINDS = (MATERIAL_ONLY, NO_VIEWS, FULL)


# --- Synthetic sites --------------------------------------------------------------------------------


def page_path(number: int) -> str:
    return f"part-{number // PER_FOLDER + 1:02d}/page-{number:04d}.md"


def page_text(language: str, number: int, pages: int) -> str:
    """A page shaped like the real ones: front matter, sections with explicit ids, a table, a list, links."""
    rng = random.Random(number)  # the same draws in both languages: the translation follows its original
    side = LANGUAGE_INDEX[language]

    def phrase() -> str:
        return rng.choice(PHRASES)[side]

    def sentence(length: int = 12) -> str:
        text = " ".join(phrase() for _ in range(length)).rstrip(";").rstrip("\u00a0")
        return (text[0].upper() + text[1:] if text[1:2].islower() else text) + "."  # 'vLLM' keeps its case

    title = f"Page {number}"
    neighbour = (number + 1) % pages
    link = os.path.relpath(page_path(neighbour), os.path.dirname(page_path(number)))
    lines = ["---", f"title: {title}", f'description: "{sentence(12)}"', "---", "", f"# {title} {{#page-{number}}}", ""]
    for section in range(4):
        lines += [f"## {sentence(4)[:-1]} {{#section-{section}}}", "", sentence(), sentence(), "", sentence(), ""]
    lines += ["| A | B | C |", "| --- | --- | --- |"]
    lines += [f"| {phrase()} | {rng.randint(1, 99)} | {phrase()} |" for _ in range(4)]
    lines += ["", f"- [{title} +1]({link})", f"- {sentence(8)}", f"- {sentence(8)}", ""]
    return "\n".join(lines)


def is_translated(number: int) -> bool:
    return number % UNTRANSLATED_EVERY != 0


def is_outdated(number: int) -> bool:
    return is_translated(number) and number % OUTDATED_EVERY == 0


def pages_built(pages: int) -> int:
    """Pages MkDocs builds from Markdown: each language's home and ``pages`` (English fallbacks included)."""
    return 2 * (pages + 1)


def generate_outdated_pages(project: Path, pages: int) -> None:
    """Record every translation as up to date, then edit the original of every seventh recorded page.

    Recording is the translation tool's own pure function (what `./tasks.sh translations record`
    runs), so the lock (translations/en.yml) is written in the format the build reads. The edit
    adds a sentence to one paragraph of the French original, so that page's translation is
    outdated in one section: the build marks it on the page and in the parallel view.
    """
    tool = load_project(project / FULL.config_file)
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


def generate_site(project: Path, pages: int) -> Path:
    """A folder with ``pages`` generated pages per language and the three configurations (KINDS)."""
    project.mkdir(parents=True)
    for part in PARTS:
        shutil.copytree(PROJECT / part, project / part)
    shutil.rmtree(project / "translations")  # its entries describe the real pages
    (project / "translations").mkdir()
    config = read_config(PROJECT / "mkdocs.yml")
    config.pop("nav", None)  # the real page tree; MkDocs builds one from the folders
    write_config(project / FULL.config_file, config)
    write_config(project / NO_VIEWS.config_file, without_parallel_views(config))
    write_config(project / MATERIAL_ONLY.config_file, material_only(config))
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


# --- The three configurations ---------------------------------------------------------------------
# mkdocs.yml is read and written as YAML data, its `!ENV` values kept as they are (MkDocs reads
# them when it loads the written file), so each change below is to a named key, not to text.


@dataclass(frozen=True)
class EnvValue:
    """An `!ENV` value of mkdocs.yml: a variable name, or a list of names and a default."""

    value: str | list


def yaml_module():
    import yaml  # imported when used: see the comment on this module's imports

    return yaml


def read_config(path: Path) -> dict:
    yaml = yaml_module()

    class Loader(yaml.SafeLoader):
        pass

    def env_value(loader, node):
        if isinstance(node, yaml.SequenceNode):
            return EnvValue(loader.construct_sequence(node))
        return EnvValue(loader.construct_scalar(node))

    Loader.add_constructor("!ENV", env_value)
    with open(path, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=Loader)


def write_config(path: Path, config: dict) -> None:
    yaml = yaml_module()

    class Dumper(yaml.SafeDumper):
        pass

    def env_node(dumper, env: EnvValue):
        if isinstance(env.value, list):
            return dumper.represent_sequence("!ENV", env.value, flow_style=True)
        return dumper.represent_scalar("!ENV", env.value)

    Dumper.add_representer(EnvValue, env_node)
    path.write_text(yaml.dump(config, Dumper=Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plugin_name(entry) -> str:
    """A `plugins:` entry's name: `- search` or `- search: {options}`."""
    return entry if isinstance(entry, str) else next(iter(entry))


def without_parallel_views(config: dict) -> dict:
    """(b): the site's plugin with `parallel_views: false`."""
    changed = {**config, "plugins": []}
    found = False
    for entry in config["plugins"]:
        if plugin_name(entry) == PLUGIN:
            options = {} if isinstance(entry, str) else dict(entry[PLUGIN] or {})
            entry = {PLUGIN: {**options, "parallel_views": False}}
            found = True
        changed["plugins"].append(entry)
    if not found:
        raise SystemExit(f"{PROJECT / 'mkdocs.yml'}: no `{PLUGIN}` plugin listed under plugins:")
    return changed


def material_only(config: dict) -> dict:
    """(a): no site plugin, no template overrides, no project stylesheets or scripts."""
    if PLUGIN not in [plugin_name(entry) for entry in config["plugins"]]:
        raise SystemExit(f"{PROJECT / 'mkdocs.yml'}: no `{PLUGIN}` plugin listed under plugins:")
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    changed = {key: value for key, value in config.items() if key not in ("extra_css", "extra_javascript")}
    return {**changed, "theme": theme, "plugins": [entry for entry in config["plugins"] if plugin_name(entry) != PLUGIN]}


# --- One build, timed (run in a fresh process by timed_build) ----------------------------------


def measure_build(config_file: str, site_dir: str) -> dict:
    """`mkdocs build` of ``config_file`` into ``site_dir``, as the command runs it: its seconds, and
    the seconds and calls of each event method of the site's plugin (when the configuration has it)
    and of its Markdown extensions' own work (MarkdownExtensionClock)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    spent: dict[str, float] = {}
    spent_cpu: dict[str, float] = {}
    calls: dict[str, int] = {}

    def timed(method, event: str):
        def run(*args, **kwargs):
            began, began_cpu = time.perf_counter(), time.process_time()
            extensions_clock.owners.append("event")
            try:
                return method(*args, **kwargs)
            finally:
                extensions_clock.owners.pop()
                spent[event] = spent.get(event, 0.0) + time.perf_counter() - began
                spent_cpu[event] = spent_cpu.get(event, 0.0) + time.process_time() - began_cpu
                calls[event] = calls.get(event, 0) + 1

        return run

    start, start_cpu = time.perf_counter(), time.process_time()
    config = load_config(config_file, site_dir=site_dir)
    plugin = config.plugins.get(PLUGIN)
    extensions_clock = MarkdownExtensionClock(spent, spent_cpu, calls)
    if plugin is not None:
        extensions_clock.install()
        # MkDocs keeps each event's bound methods in its run order (and, privately, which plugin
        # each came from, for its messages): the plugin's own are replaced in place by timed ones.
        origins = config.plugins._event_origins
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                inherited = getattr(BasePlugin, f"on_{event}", None)
                if getattr(method, "__self__", None) is plugin and getattr(method, "__func__", None) is not inherited:
                    methods[index] = timed(method, f"on_{event}")
                    origins[methods[index]] = PLUGIN
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "plugin_events": spent, "plugin_events_cpu": spent_cpu, "plugin_calls": calls}


MARKDOWN_EXTENSIONS = "Markdown extensions (model, marks)"


class MarkdownExtensionClock:
    """The time the plugin's Markdown extensions take of MkDocs' rendering, their own only, into
    ``spent`` and ``spent_cpu`` under MARKDOWN_EXTENSIONS. Each of their methods that runs during a
    conversion is wrapped, and so is each processor of Python-Markdown's they call, so that the
    clock is handed to whoever runs (block processors nest: a list item's blocks are parsed inside
    the list's processor). Within one of the plugin's events (a page the plugin reads on its own)
    the event's own timing counts it already."""

    def __init__(self, spent: dict[str, float], spent_cpu: dict[str, float], calls: dict[str, int]) -> None:
        self.spent, self.spent_cpu, self.calls = spent, spent_cpu, calls
        self.owners = ["mkdocs"]
        self.last = (time.perf_counter(), time.process_time())

    def hand_over(self, owner: str | None) -> None:
        now = (time.perf_counter(), time.process_time())
        if self.owners[-1] == "plugin":
            self.spent[MARKDOWN_EXTENSIONS] = self.spent.get(MARKDOWN_EXTENSIONS, 0.0) + now[0] - self.last[0]
            self.spent_cpu[MARKDOWN_EXTENSIONS] = self.spent_cpu.get(MARKDOWN_EXTENSIONS, 0.0) + now[1] - self.last[1]
        self.last = now
        if owner is None:
            self.owners.pop()
        else:
            self.owners.append(owner)

    def run_as(self, owner: str, function):
        def run(*args, **kwargs):
            self.hand_over(owner)
            try:
                return function(*args, **kwargs)
            finally:
                self.hand_over(None)

        return run

    def plugin_method(self, function):
        timed = self.run_as("plugin", function)

        def run(*args, **kwargs):
            if "event" in self.owners:
                return function(*args, **kwargs)
            self.calls[MARKDOWN_EXTENSIONS] = self.calls.get(MARKDOWN_EXTENSIONS, 0) + 1
            return timed(*args, **kwargs)

        return run

    def wrapping_method(self, function):
        # (self, processor, original, ...): the wrapped processor's own run counts for MkDocs.
        timed = self.plugin_method(function)

        def run(reading, processor, original, *args):
            return timed(reading, processor, self.run_as("mkdocs", original), *args)

        return run

    def install(self) -> None:
        from bilingual_site.markdown import model, page_marks

        model._Reading._run_block = self.wrapping_method(model._Reading._run_block)
        model._Reading._run_fenced = self.wrapping_method(model._Reading._run_fenced)
        model._Reading.__init__ = self.plugin_method(model._Reading.__init__)
        model._TreeSnapshot.run = self.plugin_method(model._TreeSnapshot.run)
        page_marks._PageMarks.run = self.plugin_method(page_marks._PageMarks.run)


MEASURE = "import json, sys; from build_benchmark import measure_build; print(json.dumps(measure_build(sys.argv[1], sys.argv[2])))"


def environment() -> dict[str, str]:
    # Python's bytecode cache on, as on a writer's machine (a sandbox's PYTHONDONTWRITEBYTECODE
    # would make every build compile the plugin again); every language built (no BUILD_ONLY_LOCALE).
    left_out = {"BUILD_ONLY_LOCALE", "PYTHONDONTWRITEBYTECODE"}
    env = {key: value for key, value in os.environ.items() if key not in left_out}
    scripts = str(Path(__file__).resolve().parent)
    python_path = os.pathsep.join(filter(None, [scripts, env.get("PYTHONPATH")]))
    return {**env, "PYTHONPATH": python_path, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}


def timed_build(project: Path, kind: Kind, output: Path) -> dict:
    """One build of ``kind`` in a fresh process into ``output``/<kind's key>: measure_build's result
    and the HTML files it wrote (theme assets left out); the site is deleted afterwards."""
    site = output / kind.key
    shutil.rmtree(site, ignore_errors=True)
    # A 1,000-page build writes over a gigabyte: flushed now, the last build's writes are not paid by this one.
    os.sync()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(project / kind.config_file), str(site)],
        env=environment(),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"build of {project / kind.config_file} failed (exit {done.returncode}):\n{done.stderr[-3000:]}{done.stdout[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    html = [path.relative_to(site) for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts]
    result["html_files"] = len(html)
    result["view_files"] = sum(1 for path in html if "parallel" in path.parts)
    shutil.rmtree(site)
    return result


def interleaved_builds(project: Path, output: Path, runs: int) -> list[dict[str, dict]]:
    """``runs`` rounds, each building every kind once, the order turning by one each round."""
    rounds = []
    for number in range(runs):
        order = KINDS[number % len(KINDS):] + KINDS[: number % len(KINDS)]
        rounds.append({kind.key: timed_build(project, kind, output) for kind in order})
    return rounds


# --- Report -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clock:
    name: str
    build: str  # measure_build's key for a build's seconds on this clock
    events: str  # and for its seconds in each plugin event


WALL = Clock("wall-clock", "seconds", "plugin_events")
CPU = Clock("CPU", "cpu_seconds", "plugin_events_cpu")


@dataclass(frozen=True)
class SizeResult:
    pages: int
    rounds: list[dict[str, dict]]

    def seconds(self, key: str, clock: Clock) -> float:
        return statistics.median(one[key][clock.build] for one in self.rounds)

    def per_page_ms(self, key: str, clock: Clock) -> float:
        return self.seconds(key, clock) / pages_built(self.pages) * 1000

    def ratios(self, key: str, clock: Clock) -> list[float]:
        """Per round: this kind's build over Material alone's, built beside it."""
        return [one[key][clock.build] / one[MATERIAL_ONLY.key][clock.build] for one in self.rounds]

    def event_seconds(self, key: str, clock: Clock) -> dict[str, float]:
        events = {event for one in self.rounds for event in one[key][clock.events]}
        return {event: statistics.median(one[key][clock.events].get(event, 0.0) for one in self.rounds) for event in events}

    def calls(self, key: str) -> dict[str, int]:
        return self.rounds[0][key]["plugin_calls"]


def ratio_text(ratios: list[float]) -> str:
    low, high = min(ratios), max(ratios)
    return f"{statistics.median(ratios):.3f} ({low:.3f}-{high:.3f})"


TABLE_HEAD = [
    "| Pages per language | Pages built (HTML files a/b/c) | (a) | (b) | (c) | (a) ms/page | (b) ms/page | (c) ms/page | b/a (range) | c/a (range) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
]


def size_row(result: SizeResult, clock: Clock) -> str:
    first = result.rounds[0]
    files = "/".join(str(first[kind.key]["html_files"]) for kind in KINDS)
    cells = [
        str(result.pages),
        f"{pages_built(result.pages)} ({files})",
        *(f"{result.seconds(kind.key, clock):.2f} s" for kind in KINDS),
        *(f"{result.per_page_ms(kind.key, clock):.1f}" for kind in KINDS),
        ratio_text(result.ratios(NO_VIEWS.key, clock)),
        ratio_text(result.ratios(FULL.key, clock)),
    ]
    return "| " + " | ".join(cells) + " |"


def event_table(result: SizeResult, clock: Clock) -> list[str]:
    lines = [
        f"Inside the plugin at {result.pages} pages per language ({clock.name} seconds, median over the runs; calls in one build):",
        "",
        "| Event, or part of the rendering | (b) without views | share of (b) | (c) full | share of (c) | calls (c) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    without, full, calls = result.event_seconds(NO_VIEWS.key, clock), result.event_seconds(FULL.key, clock), result.calls(FULL.key)
    build_b, build_c = result.seconds(NO_VIEWS.key, clock), result.seconds(FULL.key, clock)
    for event in sorted(set(without) | set(full), key=lambda name: -full.get(name, 0.0)):
        b, c = without.get(event, 0.0), full.get(event, 0.0)
        name = f"`{event}`" if event.startswith("on_") else event
        lines.append(f"| {name} | {b:.3f} s | {b / build_b:.1%} | {c:.3f} s | {c / build_c:.1%} | {calls.get(event, 0)} |")
    b, c = sum(without.values()), sum(full.values())
    lines.append(f"| all of the plugin's work | {b:.3f} s | {b / build_b:.1%} | {c:.3f} s | {c / build_c:.1%} | |")
    return lines


def growth_line(results: list[SizeResult], clock: Clock) -> str | None:
    if len(results) < 2:
        return None
    small, large = sorted(results, key=lambda result: result.pages)[-2:]
    growth = ", ".join(f"({kind.key}) {large.per_page_ms(kind.key, clock) / small.per_page_ms(kind.key, clock):.3f}" for kind in KINDS)
    return f"Growth ({clock.name}), per-page time at {large.pages} against {small.pages} pages per language (about 1 or below: linear): {growth}"


def default_output() -> Path:
    """Memory when the machine offers it (the module's docstring says why), else the temporary folder."""
    memory = Path("/dev/shm")
    if memory.is_dir() and os.access(memory, os.W_OK):
        return memory
    return Path(tempfile.gettempdir())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="pages per language")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind per size, taking turns; the median is shown")
    parser.add_argument(
        "--output",
        type=Path,
        default=default_output(),
        help="folder the builds write their sites in (default: /dev/shm, memory, when there is one; else the temporary folder)",
    )
    args = parser.parse_args()
    if args.runs < 1 or min(args.sizes) < 1:
        parser.error("--runs and --sizes must be at least 1")
    started = datetime.datetime.now(datetime.timezone.utc)
    print(f"{started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    print(f"Median of {args.runs} builds of each kind, taking turns; sites built into {args.output}.")
    print("(a) " + MATERIAL_ONLY.label + ", (b) " + NO_VIEWS.label + ", (c) " + FULL.label + ".", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="build-benchmark-") as temp, tempfile.TemporaryDirectory(prefix="build-benchmark-sites-", dir=args.output) as output:
        for pages in args.sizes:
            project = generate_site(Path(temp) / f"site-{pages}", pages)
            result = SizeResult(pages, interleaved_builds(project, Path(output), args.runs))
            results.append(result)
            print(f"{pages} pages per language: done, load average {os.getloadavg()[0]:.1f}", flush=True)
            shutil.rmtree(project)
    for clock in (WALL, CPU):
        print(f"\nBuild time, {clock.name} seconds (median of {args.runs}; ratios: median of the rounds' and their range):\n")
        print("\n".join(TABLE_HEAD + [size_row(result, clock) for result in results]))
        growth = growth_line(results, clock)
        if growth:
            print(f"\n{growth}")
    for result in results:
        print()
        print("\n".join(event_table(result, CPU)))
    finished = datetime.datetime.now(datetime.timezone.utc)
    print(f"\nFinished {finished:%H:%M} UTC, load average {os.getloadavg()[0]:.1f}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
