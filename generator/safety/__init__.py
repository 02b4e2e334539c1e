"""Escaping per syntax, the one URL builder, and the SVG sanitiser."""
