"""The inputs, read into typed models: YAML with its line map, the content models, loading, the
site configuration from mkdocs.yml, pictures, translations and the schema."""
