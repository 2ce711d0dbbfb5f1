"""Synthetic sample documents and scans of plain text, with known ground truth.

``generate_samples`` writes referral letters, lab reports, discharge summaries and
consent forms in seven languages, degraded like scans or faxes, with a manifest of
what each file says. ``render_text_as_scan`` / ``scan_text`` turn any text into A4
page images and tell which characters landed on which page.
"""

from __future__ import annotations

from medocr.samples.corpus import render_corpus
from medocr.samples.degrade import DEGRADATIONS, Degradation
from medocr.samples.formats import OUTPUT_FORMATS, OutputFormat, images_to_pdf
from medocr.samples.generate import (
    ALL_COMBINATIONS,
    MANIFEST_NAME,
    document_pages,
    generate_samples,
)
from medocr.samples.icd10 import DOC_TYPES
from medocr.samples.languages import LANGUAGES
from medocr.samples.text_scan import TextScan, render_text_as_scan, scan_text

__all__ = [
    "ALL_COMBINATIONS",
    "DEGRADATIONS",
    "DOC_TYPES",
    "LANGUAGES",
    "MANIFEST_NAME",
    "OUTPUT_FORMATS",
    "Degradation",
    "OutputFormat",
    "TextScan",
    "document_pages",
    "generate_samples",
    "images_to_pdf",
    "render_corpus",
    "render_text_as_scan",
    "scan_text",
]
