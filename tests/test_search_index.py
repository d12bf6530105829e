"""Accent folding of the search index (src/bilingual_site/site/search_index.py), on strings built here."""

from __future__ import annotations

from bilingual_site.site.search_index import fold_accents, folded_terms

SITE_SEPARATOR = r"[\s\-/'’]+"  # mkdocs.yml, plugins > search > separator


def test_folded_terms_are_the_accented_words_without_accents_once_each():
    text = "<p>Modèles d’inférence : les modèles <em>ouverts</em> et l'autohébergement — Modèles</p>"
    assert folded_terms(text, SITE_SEPARATOR) == "autohebergement inference modeles"


def test_an_entry_without_accents_has_no_folded_terms():
    assert folded_terms("Inference engines and open-weight models", SITE_SEPARATOR) == ""


def test_folding_keeps_letters_and_drops_only_combining_marks():
    assert fold_accents("Œuvre été déjà naïve ç") == "Œuvre ete deja naive c"
    assert fold_accents("plain ascii") == "plain ascii"


def test_character_references_are_read_as_the_letters_they_stand_for():
    # Written as references in a page, the accented letters still get their folded form.
    text = "<p>Caf&eacute; et d&#233;j&agrave; <code>x &lt; y</code></p>"
    assert folded_terms(text, SITE_SEPARATOR) == "cafe deja"


def test_markup_separates_words_as_a_reader_sees_them():
    assert folded_terms("<p>modèle</p><p>été</p>", SITE_SEPARATOR) == "ete modele"


def test_an_attribute_is_not_read_as_words_even_with_a_greater_than_sign_in_it():
    # What the parser gives and a tag regex (`<[^>]+>`) did not: the tag ends at its own `>`.
    assert folded_terms('<a title="a>été">x</a> naïf', SITE_SEPARATOR) == "naif"
