"""Generator for the foot-exercise handbook: content/ (YAML) -> Markdown pages -> static site."""
