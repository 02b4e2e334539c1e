"""Cross-file validation of the content and its translations, using the rules."""
