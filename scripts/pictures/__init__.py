"""The exercise pictures in content/images/, drawn from pose data in one filled-shape style.

Every picture is one SVG of two panels side by side (viewBox 0 0 820 300): the start position
at x 0..400, a chevron in the gutter, the end position at x 420..820. `<view id="start">` and
`<view id="end">` let a page show either panel alone; print shows both.

Style: one outline weight (STROKE) everywhere; the body part that moves is filled dark, resting
parts light grey, props mid grey; a bold arrow and/or a dashed ghost of the start position shows
the movement. No words in the pictures: they belong in the page. Figures are posed from joint
positions (limb lengths are kept by solving each knee and elbow from hip/ankle and
shoulder/wrist), so the same person appears at the same scale in both panels. Small movements
are drawn as close-ups of the foot. The output is deterministic.

The modules, from the bottom up: style (sizes and tones), geometry, svg (elements as strings),
arrows, foot, limbs, hands, figure, props, poses (one function per exercise), document (one
file), cli (`python scripts/draw_pictures.py`).
"""
