"""Models -> pages: the Jinja environment, one module per page kind (pages/), and the other outputs
(outputs/)."""
