"""Build logic and translation tooling of the bilingual vLLM adoption site.

The MkDocs hooks in ``hooks/`` are thin: they call the pure functions kept here,
so the command-line tools and the tests use the very same code as the build.
"""
