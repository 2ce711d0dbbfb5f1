"""Reading brat standoff annotations (``T<n>\\t<KIND> <begin> <end>\\t<text>``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Annotation:
    """One annotated span of a reference text, with the corpus's own kind label."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class AnnotatedText:
    """A reference text and its annotations; ``name`` is the file stem, for reports."""

    name: str
    text: str
    annotations: tuple[Annotation, ...]


def read_brat_folder(folder: Path) -> list[AnnotatedText]:
    """Every ``.txt`` with an ``.ann`` beside it, below ``folder``, in name order."""
    documents = []
    for text_path in sorted(folder.rglob("*.txt")):
        ann_path = text_path.with_suffix(".ann")
        if ann_path.is_file():
            text = text_path.read_text(encoding="utf-8")
            annotations = parse_brat(ann_path.read_text(encoding="utf-8"))
            documents.append(AnnotatedText(text_path.stem, text, annotations))
    return documents


def parse_brat(content: str) -> tuple[Annotation, ...]:
    """Text-bound annotations; discontinuous ones become their covering span."""
    annotations = []
    for line in content.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].startswith("T"):
            continue
        label, _, offsets = fields[1].partition(" ")
        numbers = [int(n) for n in offsets.replace(";", " ").split() if n.isdigit()]
        if len(numbers) >= 2:
            annotations.append(Annotation(label, min(numbers), max(numbers)))
    return tuple(annotations)
