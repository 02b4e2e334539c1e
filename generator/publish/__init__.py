"""Files -> site: writing only what changed, fingerprints, folders the handbook owns, the engine
(MkDocs), PDF printing, the preview server."""
