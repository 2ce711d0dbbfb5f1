"""Compose a case into the blocks of its document: referral, discharge, lab or consent."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from medocr.samples.blocks import Block, Columns, Mark, Paragraph, Rule, Spacer, Table
from medocr.samples.case import Case
from medocr.samples.labs import format_number, section_title
from medocr.samples.languages import derive_seed
from medocr.samples.medication import dose_for, medication_for
from medocr.samples.parts import (
    address_block,
    diagnosis_table,
    heading,
    letterhead,
    signature,
    style,
)
from medocr.samples.phrasebook import fill
from medocr.samples.presentations import presentation


def compose(case: Case) -> list[Block]:
    """The blocks of the case's document, in reading order."""
    rng = random.Random(derive_seed(case.patient.record, case.doc_type, "text"))
    writer = _Writer(case, rng)
    return {
        "referral_letter": writer.referral,
        "discharge_summary": writer.discharge,
        "lab_report": writer.lab_report,
        "consent_form": writer.consent,
    }[case.doc_type]()


class _Writer:
    def __init__(self, case: Case, rng: random.Random) -> None:
        self.case, self.rng = case, rng
        self.fields = _fields(case, rng)
        words, scheme = case.book.words, case.patient.identifier.scheme
        self.id_label = words.get(f"id_label.{scheme}", words["insurance_id"])

    def say(self, key: str, *, addressee_female: bool = False) -> str:
        return self.case.book.say(
            key,
            female=self.case.patient.female,
            addressee_female=addressee_female,
            **self.fields,
        )

    def pick(self, key: str, *, addressee_female: bool = False) -> str:
        template = self.rng.choice(self.case.book.variants[key])
        return fill(template, self.case.patient.female, addressee_female, self.fields)

    def with_presentation(self, key: str) -> str:
        """A history template followed by how the main diagnosis presented."""
        sentence = presentation(self.case.main.code, self.case.language)
        return f"{self.pick(key)} {sentence}".strip()

    def body(self, text: str) -> Paragraph:
        return Paragraph(text, style(self.case), 2.5)

    def closing(self, addressee_female: bool) -> Paragraph:
        text = self.say("closing", addressee_female=addressee_female)
        return Paragraph(text, style(self.case), 2.5, keep_with_next=True)

    def salutation(self, addressee_female: bool) -> Paragraph:
        return self.body(self.say("salutation", addressee_female=addressee_female))

    def referral(self) -> list[Block]:
        case, words = self.case, self.case.book.words
        to = case.specialist
        self.fields["addressee"] = to.family
        patient_lines = "\n".join(
            (
                f"{self.id_label}: {case.patient.identifier.value}",
                f"{words['address']}: {self.fields['address']}",
                f"{words['phone']}: {case.patient.phone}",
            )
        )
        return [
            *letterhead(case, case.sender),
            *address_block(case, case.sender, to.name, case.recipient),
            Paragraph(words["referral_title"], style(case, scale=1.2, bold=True), 1),
            Paragraph(self.say("referral_subject"), style(case, bold=True), 1),
            Paragraph(patient_lines, style(case), 4),
            self.salutation(to.female),
            self.body(self.pick("referral_intro", addressee_female=to.female)),
            heading(case, words["diagnoses"]),
            diagnosis_table(case, case.diagnoses),
            self.body(self.with_presentation("referral_history")),
            self.body(self.pick("referral_request")),
            self.closing(to.female),
            *signature(case, case.gp, "gp", "gp"),
        ]

    def discharge(self) -> list[Block]:
        case, words = self.case, self.case.book.words
        self.fields["addressee"] = case.gp.family
        record = (
            f"{words['record']} {case.patient.record} · "
            f"{self.id_label}: {case.patient.identifier.value}"
        )
        return [
            *letterhead(case, case.sender),
            *address_block(case, case.sender, case.gp.name, case.recipient),
            Paragraph(words["discharge_title"], style(case, scale=1.2, bold=True), 1),
            Paragraph(self.say("discharge_subject"), style(case, bold=True), 0.5),
            Paragraph(self.say("stay"), style(case), 0.5),
            Paragraph(record, style(case), 4),
            self.salutation(case.gp.female),
            self.body(self.pick("discharge_intro", addressee_female=case.gp.female)),
            *self._diagnoses_and_medication(),
            heading(case, words["history"]),
            self.body(self.with_presentation("discharge_history")),
            heading(case, words["findings"]),
            self.body(self.pick("discharge_findings")),
            heading(case, words["course"]),
            self.body(self.pick("discharge_course")),
            heading(case, words["recommendation"]),
            self.body(self.pick("discharge_plan")),
            self.closing(case.gp.female),
            Columns(
                tuple(signature(case, case.cosigner, "chief", "chief")),
                tuple(signature(case, case.specialist, "senior", "senior")),
            ),
        ]

    def _diagnoses_and_medication(self) -> list[Block]:
        case, words = self.case, self.case.book.words
        drugs = medication_for([d.code for d in case.diagnoses])
        header = tuple(words["medication_columns"].split("|"))
        rows = tuple(
            (
                d.name(case.language),
                dose_for(d, case.language),
                case.book.schedules[d.schedule],
            )
            for d in drugs
        )
        medication = Table((header, *rows), (0.48, 0.24, 0.28), style(case, scale=0.9))
        diagnoses = (
            heading(case, words["diagnoses"]),
            diagnosis_table(case, case.diagnoses),
        )
        meds = (heading(case, words["medication"]), medication)
        if case.two_columns and drugs:
            return [Columns(diagnoses, meds, split=0.55)]
        return [*diagnoses, *(meds if drugs else ())]

    def lab_report(self) -> list[Block]:
        case, words = self.case, self.case.book.words
        sampled = case.document_date - timedelta(days=self.rng.randint(0, 2))
        p = case.patient
        left = "\n".join(
            (
                f"{self.say('patient')}: {p.name}",
                f"{words['birth_date']}: {self.fields['born']}",
                f"{words['sex']}: {self.say('sex_value')}",
                f"{self.id_label}: {p.identifier.value}",
            )
        )
        right = "\n".join(
            (
                f"{words['sender']}: {case.gp.name}",
                f"{words['order_no']}: {p.record}",
                f"{words['sample_taken']}: {case.short_date(sampled)}",
                f"{words['report_date']}: {case.short_date(case.document_date)}",
            )
        )
        clinical = f"{words['clinical_info']}: {case.main.title(case.language)} ({case.main.code})"
        return [
            *letterhead(case, case.sender),
            Paragraph(words["lab_title"], style(case, scale=1.3, bold=True), 3),
            Columns((Paragraph(left, style(case)),), (Paragraph(right, style(case)),)),
            Rule(0.6, 1.0),
            Paragraph(clinical, style(case), 3),
            self._results_table(),
            Paragraph(words["lab_note"], style(case, scale=0.85), 4),
            Paragraph(self.say("validated"), style(case), 1, keep_with_next=True),
            *signature(case, case.specialist, "lab", "lab"),
        ]

    def _consent_signatures(self) -> list[Block]:
        case, words = self.case, self.case.book.words
        filled = f"{case.sender.address.city}, {case.short_date(case.document_date)}"
        place = (
            Paragraph(filled, style(case)),
            Rule(0.6, 0.5, 0.9),
            Paragraph(words["place_date"], style(case, scale=0.85)),
        )
        seed = derive_seed(case.patient.record, "patient-signature")
        doctor_label = f"{words['signature_doctor']}\n{case.specialist.name}"
        return [
            Columns(place, _signature_line(self.say("signature_patient"), case, seed)),
            Columns(place, _signature_line(doctor_label, case, seed + 1)),
        ]

    def _results_table(self) -> Table:
        case = self.case
        header = tuple(case.book.words["lab_columns"].split("|"))
        rows: list[tuple[str, ...]] = [header]
        section = ""
        for result in case.labs:
            if result.analyte.section != section:
                section = result.analyte.section
                rows.append((section_title(section, case.language), "", "", "", ""))
            rows.append(result.row(case.language))
        return Table(
            tuple(rows), (0.31, 0.13, 0.23, 0.23, 0.1), style(case, scale=0.92)
        )

    def consent(self) -> list[Block]:
        case, words = self.case, self.case.book.words
        p = case.patient
        rows = (
            (self.say("patient"), p.name),
            (words["birth_date"], self.fields["born"]),
            (words["address"], self.fields["address"]),
            (words["phone"], p.phone),
            (words["email"], p.email),
            (self.id_label, p.identifier.value),
            (words["record"], p.record),
        )
        return [
            *letterhead(case, case.sender),
            Paragraph(words["consent_title"], style(case, scale=1.3, bold=True), 1),
            Paragraph(self.say("consent_procedure"), style(case, bold=True), 3),
            Table(rows, (0.3, 0.7), style(case), header_rows=0, ruled=False),
            self.body(self.say("consent_purpose")),
            self.body(self.say("consent_risks")),
            self.body(self.say("consent_alternatives")),
            Paragraph(self.say("consent_agree"), style(case), 2, checkbox=True),
            Paragraph(self.say("consent_share"), style(case), 2, checkbox=True),
            Paragraph(self.say("consent_selfpay"), style(case), 4, checkbox=True),
            *self._consent_signatures(),
        ]


def _signature_line(label: str, case: Case, scribble: int | None) -> tuple[Block, ...]:
    """A line to sign on, signed with a scribble when ``scribble`` is a seed."""
    above: Block = (
        Spacer(12) if scribble is None else Mark("scribble", 42, 12, seed=scribble)
    )
    return (above, Rule(0.6, 0.5, 0.9), Paragraph(label, style(case, scale=0.85)))


def _fields(case: Case, rng: random.Random) -> dict[str, Any]:
    """Values the templates refer to, formatted for the case's language."""
    p, lang = case.patient, case.language
    honorific = case.book.honorifics[0 if p.female else 1]
    planned = case.document_date + timedelta(days=rng.randint(3, 30))
    return {
        "patient": p.name,
        "patient_formal": f"{honorific} {p.name}",
        "born": case.short_date(p.born),
        "address": p.address.inline(lang),
        "patient_phone": p.phone,
        "iban": p.iban,
        "main_title": _in_sentence(case.main.title(lang), lang),
        "main_code": case.main.code,
        "admitted": case.short_date(case.admitted),
        "discharged": case.short_date(case.discharged),
        "planned": case.short_date(planned),
        "procedure": case.book.procedures.get(case.main.code, ""),
        "weeks": rng.randint(2, 8),
        "days": rng.randint(2, 7),
        "date": case.short_date(case.document_date),
        "bp": f"{rng.randint(110, 165)}/{rng.randint(65, 95)}",
        "pulse": rng.randint(58, 104),
        "temp": format_number(rng.uniform(36.4, 38.6), 1, lang),
        "spo2": rng.randint(91, 99),
        "crp": format_number(rng.uniform(2, 160), 1, lang),
        "wbc": format_number(rng.uniform(4.5, 16.0), 1, lang),
    }


def _in_sentence(title: str, language: str) -> str:
    """A diagnosis title inside a sentence: lower-case start except in German."""
    if language == "de" or title[:2].isupper() and not title.startswith("IJ"):
        return title
    return "ij" + title[2:] if title.startswith("IJ") else title[0].lower() + title[1:]
