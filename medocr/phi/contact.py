"""Telephone and fax numbers, e-mail addresses and web addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from medocr.phi.spans import PhiKind, PhiSpan

_PHONE_LABEL = (
    r"(?:tel(?:efon|éfono|efono|efoon|\.)?|t(?:l)?fno|telf|t[ée]l(?:[ée]phone)?|fax|"
    r"telefax|"
    r"handy|mobil(?:e|telefon)?|m[oó]vil|cell(?:ulare)?|gsm|portable|komórka|"
    r"phone|ph|nummer|número|numero|numéro|unter|tlf|r[uü]ckruf|kontakt(?: z \w+)?|"
    r"joignable au|bereikbaar op|reached on|erreichbar unter|raggiungibile al|"
    r"reperibile al|localizable en|contactar en|dostępn[ya] pod)"
)
_PHONE_BODY = r"(?:\+|00)?[\d(][\d()\s/.\-–]{4,22}\d"
_LABELLED_PHONE = re.compile(
    rf"(?<!\w){_PHONE_LABEL}\.?\s*(?:der\s+nummer\s*)?[:.]?\s*(?P<value>{_PHONE_BODY})",
    re.IGNORECASE,
)
# Without a label a number needs a country prefix or a trunk 0 and separators.
_BARE_PHONE = re.compile(
    r"(?<![\w+/.,-])(?P<value>"
    r"(?:\+|00)\d{2,3}[\s\-/.]*(?:\(0\)\s*)?\d[\d\s\-/.]{5,16}\d"
    r"|\(0\d{1,5}\)[\s-]*\d[\d\s\-/]{3,12}\d"
    r"|0\d{2,5}[\s/\-]\d{2,}(?:[\s\-]\d{2,}){0,3})(?![\w.,/-]*\d)"
)
# An e-mail address is found from its at sign outwards, which keeps the search linear.
_EMAIL_LOCAL = re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}\s?$")
_EMAIL_DOMAIN = re.compile(r"\s?[\w\-]{1,63}(?:\.[\w\-]{1,63}){0,8}\.[A-Za-z]{2,24}\b")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)


def detect_phones(text: str) -> Iterator[PhiSpan]:
    """Phone and fax numbers: labelled ones, and unlabelled ones in dialling form."""
    for pattern, confidence in ((_LABELLED_PHONE, 0.95), (_BARE_PHONE, 0.85)):
        for match in pattern.finditer(text):
            start, end = match.span("value")
            value = text[start:end].rstrip(" -–/.\n")
            digits = sum(ch.isdigit() for ch in value)
            breaks = (
                value.count("\n")
                if pattern is _LABELLED_PHONE
                else 2 * value.count("\n")
            )
            if 6 <= digits <= 16 and breaks <= 1 and not _is_date(value):
                yield PhiSpan(
                    PhiKind.PHONE, start, start + len(value), "phone", confidence
                )


def _is_date(value: str) -> bool:
    return re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", value.strip()) is not None


def detect_emails(text: str) -> Iterator[PhiSpan]:
    """E-mail addresses, tolerating a space OCR put around the at sign."""
    for at in (m.start() for m in re.finditer("@", text)):
        window = max(0, at - 66)
        local = _EMAIL_LOCAL.search(text, window, at)
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if local is not None and domain is not None:
            yield PhiSpan(PhiKind.EMAIL, local.start(), domain.end(), "email", 0.99)


def detect_urls(text: str) -> Iterator[PhiSpan]:
    """Web addresses, which often name a practice or a person."""
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:)":
            end -= 1
        yield PhiSpan(PhiKind.CONTACT, match.start(), end, "url", 0.9)
