"""Outputs that are not pages: the open catalogue, calendar files, JSON-LD, QR codes and the
diagram."""
