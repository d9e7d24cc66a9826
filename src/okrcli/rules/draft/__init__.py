"""Codes only ``okr draft`` reports, about a sentence before there is a file (one module each)."""
