"""Pieces every letter shares: letterhead, address block, date line, signatures."""

from __future__ import annotations

from medocr.samples.blocks import (
    Block,
    Columns,
    Mark,
    PageFrame,
    Paragraph,
    Rule,
    Spacer,
    Table,
    TextStyle,
)
from medocr.samples.case import Case
from medocr.samples.cast import Clinician, Facility
from medocr.samples.icd10 import Diagnosis
from medocr.samples.languages import derive_seed, page_label


def style(
    case: Case, *, scale: float = 1.0, bold: bool = False, align: str = "left"
) -> TextStyle:
    """The case's body face at ``scale`` times its body size."""
    return TextStyle(case.family, round(case.size_pt * scale * 2) / 2, bold, align)  # type: ignore[arg-type]


def letterhead(case: Case, facility: Facility) -> list[Block]:
    """Institution name and department beside a logo, then a contact line and a rule."""
    book = case.book
    names: list[Block] = [Paragraph(facility.name, style(case, scale=1.45, bold=True))]
    if facility.department:
        names.append(Paragraph(facility.department, style(case, scale=1.05)))
    contact = " · ".join(
        (
            facility.address.inline(case.language),
            f"{book.words['tel']} {facility.phone}",
            f"{book.words['fax']} {facility.fax}",
            facility.email,
        )
    )
    if case.logo_left:
        logo = Mark(case.mark, 20, 20)  # type: ignore[arg-type]
        head = Columns((logo,), tuple(names), split=0.12, gap_mm=6, space_after_mm=1)
    else:
        logo = Mark(case.mark, 20, 20, align="right")  # type: ignore[arg-type]
        head = Columns(tuple(names), (logo,), split=0.8, space_after_mm=1)
    return [
        head,
        Paragraph(contact, style(case, scale=0.72), space_after_mm=0),
        Rule(thickness_pt=1.0, space_mm=1.5),
        Spacer(6),
    ]


def address_block(
    case: Case, sender: Facility, person: str, place: Facility
) -> list[Block]:
    """A return line and the addressee, with the date line beside or below it."""
    small = style(case, scale=0.7)
    return_line = f"{sender.name} · {sender.address.inline(case.language)}"
    lines = [person, place.name]
    if place.department:
        lines.append(place.department)
    lines.extend(place.address.lines(case.language))
    recipient = (
        Paragraph(return_line, small, 2),
        Paragraph("\n".join(lines), style(case)),
    )
    dateline = case.book.words["dateline"].format(
        city=sender.address.city, date=case.long_date(case.document_date)
    )
    if case.two_columns:
        right = (Spacer(8), Paragraph(dateline, style(case, align="right")))
        return [Columns(recipient, right, split=0.6, space_after_mm=8)]
    return [*recipient, Spacer(6), Paragraph(dateline, style(case, align="right"), 6)]


def heading(case: Case, text: str) -> Paragraph:
    """A bold section heading that stays with the text under it."""
    return Paragraph(text, style(case, bold=True), 1, keep_with_next=True)


def diagnosis_table(case: Case, diagnoses: tuple[Diagnosis, ...]) -> Table:
    """ICD-10 codes beside their titles, without rules."""
    rows = tuple((d.code, d.title(case.language)) for d in diagnoses)
    return Table(rows, (0.16, 0.84), style(case), header_rows=0, ruled=False)


def signature(case: Case, doctor: Clinician, role: str, seed_label: str) -> list[Block]:
    """A scribbled signature over the doctor's name and role."""
    book = case.book
    role_text = book.roles[role][0 if doctor.female else 1]
    seed = derive_seed(case.patient.record, seed_label)
    return [
        Mark("scribble", 45, 12, seed=seed, keep_with_next=True),
        Paragraph(f"{doctor.name}\n{role_text}", style(case), 2, keep_together=True),
    ]


def frame(case: Case, *, faxed: bool = False) -> PageFrame:
    """A4 with the patient named on every page after the first (and a fax header line)."""
    line = case.book.say(
        "continuation",
        female=case.patient.female,
        patient=case.patient.name,
        born=case.short_date(case.patient.born),
    )
    header = (Paragraph(line, style(case, scale=0.8), 0), Rule(0.5, 1.5), Spacer(4))
    banner = _fax_banner(case) if faxed else None
    return PageFrame(
        continuation=header, footer=page_label(case.language), banner=banner
    )


def _fax_banner(case: Case) -> str:
    """What a sending fax machine prints at the top: time, number, sender, page."""
    minutes = derive_seed(case.patient.record, "fax-time") % (10 * 60) + 7 * 60
    stamp = (
        f"{case.short_date(case.document_date)} {minutes // 60:02d}:{minutes % 60:02d}"
    )
    sender = case.sender.name.replace("{", "(").replace("}", ")")
    return f"{stamp}   FAX {case.sender.fax}   {sender}   P.{{page:02d}}/{{pages:02d}}"
