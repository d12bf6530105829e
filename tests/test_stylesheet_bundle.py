"""One stylesheet per page (the plugin joins them): Material's main and palette CSS and
the site's extra_css joined at build time, in Material's order, under a name that changes with
its content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingual_site.errors import InputError
from bilingual_site.site.stylesheet_bundle import CHARSET, Stylesheet, bundle, extra_stylesheet, theme_stylesheets
from html_pages import built_pages, parallel_pages, parse, select_with_templates
from sitebuild import PROJECT

MATERIAL_STYLESHEETS = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"


def stylesheet_links(site: Path, url: str) -> list[str]:
    return [link.attributes["href"] for link in select_with_templates(parse(site, url), 'link[rel~="stylesheet"]')]


def test_every_page_links_one_stylesheet_holding_material_s_and_the_site_s(site):
    bundles = set()
    for url in built_pages(site) + ["404.html", "en/404.html"]:
        links = stylesheet_links(site, url)
        assert len(links) == 1, (url, links)
        bundles.add(re.sub(r"^(\.\./)+|^/", "", links[0]))
    assert len(bundles) == 1
    (path,) = bundles
    assert re.fullmatch(r"assets/stylesheets/bundle\.[0-9a-f]{8}\.css", path)
    text = (site / path).read_text(encoding="utf-8")
    main = next(MATERIAL_STYLESHEETS.glob("main.*.min.css")).read_text(encoding="utf-8")
    palette = next(MATERIAL_STYLESHEETS.glob("palette.*.min.css")).read_text(encoding="utf-8")
    own = (PROJECT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert text.startswith(CHARSET) and text.count("@charset") == 1
    # In Material's order, then the site's rules, which must come last to override Material's.
    positions = [text.index(sheet.replace(CHARSET, "").strip()[:200]) for sheet in (main, palette, own)]
    assert positions == sorted(positions)
    assert own.strip() in text


def test_parallel_views_add_their_own_layout_after_the_bundle(site):
    for url in parallel_pages(site):
        links = stylesheet_links(site, url)
        assert len(links) == 2 and "bundle." in links[0] and links[1].endswith("parallel.css"), (url, links)


def test_the_bundle_s_name_follows_its_content():
    first = bundle([Stylesheet("a.css", "a { color: red }"), Stylesheet("b.css", "b { color: blue }")])
    again = bundle([Stylesheet("a.css", "a { color: red }"), Stylesheet("b.css", "b { color: blue }")])
    changed = bundle([Stylesheet("a.css", "a { color: red }"), Stylesheet("b.css", "b { color: green }")])
    assert first.path == again.path != changed.path
    assert first.text.index("a { color: red }") < first.text.index("b { color: blue }")


def test_a_source_map_comment_is_dropped():
    joined = bundle([Stylesheet("main.css", "a{b:c}\n/*# sourceMappingURL=main.css.map*/"), Stylesheet("site.css", "d{e:f}")])
    assert "sourceMappingURL" not in joined.text and "a{b:c}" in joined.text


def test_an_import_after_the_first_stylesheet_is_refused_with_its_line():
    with pytest.raises(InputError) as error:
        bundle([Stylesheet("main.css", "a{b:c}"), Stylesheet("overrides/x.css", "/* x\n @import in a comment is text */\nd{e:f}\n@import url(y.css);\n")])
    assert str(error.value).startswith("overrides/x.css:4: @import, @namespace and @charset work only at the top of a stylesheet")


def test_one_charset_first_whatever_each_file_declares():
    joined = bundle([Stylesheet("main.css", '@charset "UTF-8";a{b:c}'), Stylesheet("site.css", '@charset "utf-8";\nd{e:f}')])
    assert joined.text.startswith(CHARSET + "\n")
    assert joined.text.count("@charset") == 1 and "a{b:c}" in joined.text and "d{e:f}" in joined.text


def test_theme_stylesheets_in_material_s_order_and_a_clear_error_when_they_are_not_one_each(tmp_path):
    folder = tmp_path / "theme" / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    (folder / "main.1234.min.css").write_text("a{}")
    (folder / "palette.5678.min.css").write_text("b{}")
    assert [path.name for path in theme_stylesheets([tmp_path / "overrides", tmp_path / "theme"], palette=True)] == [
        "main.1234.min.css",
        "palette.5678.min.css",
    ]
    assert [path.name for path in theme_stylesheets([tmp_path / "theme"], palette=False)] == ["main.1234.min.css"]
    (folder / "main.9999.min.css").write_text("c{}")
    with pytest.raises(InputError, match=r"expected one main\.\*\.min\.css, found 2"):
        theme_stylesheets([tmp_path / "theme"], palette=True)


def test_an_extra_css_entry_must_be_a_file_of_the_site(tmp_path):
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "site.css").write_text("a{}")
    assert extra_stylesheet("site.css", [tmp_path / "docs", tmp_path / "overrides"]) == tmp_path / "overrides" / "site.css"
    with pytest.raises(InputError) as missing:
        extra_stylesheet("gone.css", [tmp_path / "docs"], "mkdocs.yml", 12)
    assert str(missing.value).startswith("mkdocs.yml:12: extra_css entry 'gone.css' is in none of")
    with pytest.raises(InputError, match="pages request nothing from other hosts"):
        extra_stylesheet("https://cdn.example.org/x.css", [tmp_path / "docs"])


def test_a_missing_extra_css_file_stops_the_build_naming_its_line(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    from sitebuild import build_site, copy_project

    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - assets/stylesheets/site.css\n" in config
    (project / "mkdocs.yml").write_text(config.replace("  - assets/stylesheets/site.css\n", "  - assets/stylesheets/gone.css\n"), encoding="utf-8")
    line = config.split("\n").index("  - assets/stylesheets/site.css") + 1
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert f"mkdocs.yml:{line}: extra_css entry 'assets/stylesheets/gone.css' is in none of" in caplog.text
