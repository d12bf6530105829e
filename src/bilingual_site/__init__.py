"""The vLLM adoption site's build logic and translation tooling.

`mkdocs/` holds the MkDocs plugin (the only part that imports MkDocs, Material or the i18n plugin);
the other subpackages are plain Python it calls: see ARCHITECTURE.md.
"""
