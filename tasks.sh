#!/usr/bin/env bash
# Project tasks: ./tasks.sh <task>. Each task installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
LOCK_VENV=.venv-lock  # ./tasks.sh lock only: pip-tools, from requirements-lock.txt

usage() {
  cat <<'USAGE'
./tasks.sh serve    Serve the site at http://127.0.0.1:8000/ with live reload
./tasks.sh serve-fr Serve French alone at / (a faster preview); serve-en: English alone
./tasks.sh build    Build the site strictly into site/
./tasks.sh test     Run the whole test suite (browser tests included; installs Chromium)
./tasks.sh third-language [pytest options]
                    Build and test a copy of the site with a scaffolded third language (es; the site itself is untouched)
./tasks.sh translations <command>
                    The translation tool: status, diff PAGE, check, glossary, typography, record LANG/PAGE, cosmetic LANG/PAGE,
                    pin-original (after a deliberate change of the original note), new-language CODE --name NAME
./tasks.sh links [--check]
                    List every external link (docs/, data/); --check requests them (network, cached)
./tasks.sh lighthouse   Lighthouse (mobile) on every page of both languages: a table of scores
./tasks.sh weight       What a first visit to each page transfers over gzip (--baseline: against a default Material site)
./tasks.sh screenshots  PNG screenshots of chosen pages at 375 and 1280 px, in /tmp/screenshots
./tasks.sh benchmark    Build time of synthetic sites of 10, 100 and 1,000 pages per language
./tasks.sh lock     Re-lock requirements*.txt with hashes after editing requirements*.in (pip-tools from requirements-lock.txt)
USAGE
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: '$*' needs root; run it as root or install sudo" >&2; exit 1
  fi
}

apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# A virtual environment with the locked packages of $1, reinstalled only when the lock or
# pyproject.toml (the plugin's entry point) changes.
ensure_python_env() {
  local lock=$1 stamp="$VENV/.installed-$1"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; python3 -m venv "$VENV"; }
  fi
  if [ ! -f "$stamp" ] || ! cat "$lock" pyproject.toml | cmp -s - "$stamp"; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r "$lock"
    # The project's own package (src/bilingual_site), used by the hooks and the tools.
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
    cat "$lock" pyproject.toml > "$stamp"
  fi
}

# Debian's Chromium for the browser tests (Playwright is told where it is; it downloads nothing).
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || apt_install chromium
}

export NO_MKDOCS_2_WARNING=1

case "${1:-help}" in
  serve) ensure_python_env requirements.txt; shift; exec "$VENV/bin/mkdocs" serve "$@" ;;
  build) ensure_python_env requirements.txt; shift; exec "$VENV/bin/mkdocs" build --strict "$@" ;;
  serve-fr|serve-en) ensure_python_env requirements.txt; export BUILD_ONLY_LOCALE=${1#serve-}; shift; exec "$VENV/bin/mkdocs" serve "$@" ;;
  lighthouse) ensure_python_env requirements-dev.txt; ensure_chromium; shift; exec "$VENV/bin/python" scripts/lighthouse_audit.py "$@" ;;
  weight) ensure_python_env requirements-dev.txt; ensure_chromium; shift; exec "$VENV/bin/python" scripts/page_weight.py "$@" ;;
  screenshots) ensure_python_env requirements-dev.txt; ensure_chromium; shift; exec "$VENV/bin/python" scripts/screenshots.py "$@" ;;
  benchmark) ensure_python_env requirements-dev.txt; shift; exec "$VENV/bin/python" scripts/build_benchmark.py "$@" ;;
  test) ensure_python_env requirements-dev.txt; ensure_chromium; shift; exec "$VENV/bin/pytest" "$@" ;;
  lock)
    # The locking tool comes from its own hashed lock, in a virtual environment of its own: its
    # packages (click, packaging, ...) must not change the site's. requirements.txt goes first
    # because requirements-dev.in is constrained by it; the tool's own lock last. No index or
    # wheel-folder lines: they would carry this machine's pip configuration into the locks.
    [ -x "$LOCK_VENV/bin/python" ] || python3 -m venv "$LOCK_VENV" 2>/dev/null || { rm -rf "$LOCK_VENV"; apt_install python3-venv; python3 -m venv "$LOCK_VENV"; }
    "$LOCK_VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r requirements-lock.txt
    for name in requirements requirements-dev requirements-lock; do
      "$LOCK_VENV/bin/pip-compile" -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o "$name.txt" "$name.in"
    done ;;
  third-language) ensure_python_env requirements-dev.txt; shift; exec scripts/third_language_check.sh "$@" ;;
  translations) ensure_python_env requirements.txt; shift; exec "$VENV/bin/python" -m bilingual_site.translation.cli "$@" ;;
  links) ensure_python_env requirements.txt; shift; exec "$VENV/bin/python" -m bilingual_site.tools.external_links "$@" ;;
  help|-h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
