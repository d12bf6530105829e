"""What refuses bad input: page sources, files under docs/, YAML read safely, the content policy,
heading ids, and the final check of every published page."""
