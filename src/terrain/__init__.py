"""Terrain: news reports in, a sourced picture of a region's security landscape out."""

__version__ = "0.1.0"
