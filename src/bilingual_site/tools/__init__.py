"""Commands beside the build: the external link check, a local static host, the CI job summary."""
