"""A Markdown page as Python-Markdown reads it with the site's extensions, and the marks the build
puts in its tree."""
