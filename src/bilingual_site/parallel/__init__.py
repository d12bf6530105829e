"""The parallel views: a translated page and its original side by side, cut from their rendered HTML."""
