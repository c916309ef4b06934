"""Extraction: a parsed document in, sourced events out (see docs/extraction.md)."""
from __future__ import annotations

from terrain.extract.extractor import extract_events

__all__ = ["extract_events"]
