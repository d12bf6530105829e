"""Translations: the project's languages and pages, record files, freshness, parity, glossary and
typography rules, the status report, and the `translations` command line."""
