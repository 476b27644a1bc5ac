"""DXShift: tell applying IT from digital transformation, and act on the difference."""

__version__ = "0.1.0"
