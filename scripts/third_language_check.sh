#!/usr/bin/env bash
# The site built and tested once more with a scaffolded third language: a copy of the project gets
# one through `translations new-language`, is built strictly, and the language-agnostic tests (the
# `languages` marker: build, links, SEO, sitemaps, search split, status page) run on it. The real
# site stays as it is. Run by ./tasks.sh third-language (which installs what it needs), .ci/run and
# the test workflow. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
code=${THIRD_LANGUAGE:-es}
name=${THIRD_LANGUAGE_NAME:-Español}
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
# Everything the build and the tests read, without the environments, the built site or git's data.
tar --exclude=./.git --exclude='./.venv*' --exclude=./site --exclude=./.pytest_cache -cf - . | tar -C "$copy" -xf -
"$root/.venv/bin/python" -m bilingual_site.translation.cli new-language "$code" --name "$name" --project "$copy"
"$root/.venv/bin/mkdocs" build --strict --quiet -f "$copy/mkdocs.yml" -d "$copy/site"
test -f "$copy/site/$code/index.html" && test -f "$copy/site/$code/search/search_index.json" && test -f "$copy/site/$code/sitemap.xml"
cd "$copy"
exec "$root/.venv/bin/pytest" -m languages -p no:cacheprovider "$@"
