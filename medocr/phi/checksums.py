"""National, insurance and bank identifiers with a check digit; OCR slips tolerated."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stdnum import iban
from stdnum.at import vnr
from stdnum.be import bis, nn
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.pl import pesel

from medocr.phi.spans import PhiKind, PhiSpan

# Characters OCR confuses with a digit, and with a letter.
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1"})
_AS_LETTER = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B"})

_GROUP = r"(?:[A-Za-z|]*\d[A-Za-z0-9|]*|[A-Z](?=[ .\-]\d))"
_RUN = re.compile(rf"(?<![\w/]){_GROUP}(?:[ .\-]{_GROUP})*(?![\w/])")
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\s?[0-9O]{2}(?:\s?[A-Za-z0-9]){10,32}")
_MAX_GROUPS = 8
_LETTERS_FOR_REPAIR = 4


def kvnr_is_valid(value: str) -> bool:
    """German health-insurance number: a letter, eight digits and a check digit."""
    if not re.fullmatch(r"[A-Z]\d{9}", value):
        return False
    digits = f"{ord(value[0]) - 64:02d}" + value[1:9]
    total = sum(_digit_sum(int(d) * (1 + i % 2)) for i, d in enumerate(digits))
    return total % 10 == int(value[9])


def _digit_sum(number: int) -> int:
    return number // 10 + number % 10


@dataclass(frozen=True)
class IdScheme:
    """One identifier: its shape (A letter, 9 digit, X either) and its validator."""

    name: str
    kind: PhiKind
    shape: str
    is_valid: Callable[[str], bool]
    confidence: float


# Short all-digit schemes pass a random number often (BSN: 1 in 11): lower confidence.
SCHEMES = (
    IdScheme("de_kvnr", PhiKind.INSURANCE_ID, "A999999999", kvnr_is_valid, 0.99),
    IdScheme("fr_nir", PhiKind.NATIONAL_ID, "99999XX99999999", nir.is_valid, 0.99),
    IdScheme(
        "it_cf", PhiKind.NATIONAL_ID, "AAAAAAXXAXXAXXXA", codicefiscale.is_valid, 0.99
    ),
    IdScheme("es_dni", PhiKind.NATIONAL_ID, "99999999A", dni.is_valid, 0.95),
    IdScheme("es_nie", PhiKind.NATIONAL_ID, "A9999999A", nie.is_valid, 0.97),
    IdScheme("nl_bsn", PhiKind.NATIONAL_ID, "999999999", bsn.is_valid, 0.6),
    IdScheme("pl_pesel", PhiKind.NATIONAL_ID, "99999999999", pesel.is_valid, 0.8),
    IdScheme("be_insz", PhiKind.NATIONAL_ID, "99999999999", nn.is_valid, 0.85),
    IdScheme("be_bis", PhiKind.NATIONAL_ID, "99999999999", bis.is_valid, 0.85),
    IdScheme("de_idnr", PhiKind.NATIONAL_ID, "99999999999", idnr.is_valid, 0.7),
    IdScheme("at_svnr", PhiKind.INSURANCE_ID, "9999999999", vnr.is_valid, 0.8),
)


def detect_checksum_ids(text: str) -> Iterator[PhiSpan]:
    """Every run of digit groups whose joined characters pass a scheme's checksum."""
    for run in _RUN.finditer(text):
        groups = list(re.finditer(r"[^ .\-]+", run.group()))
        yield from _valid_windows(run.start(), groups)


def _valid_windows(offset: int, groups: list[re.Match[str]]) -> Iterator[PhiSpan]:
    taken_until = -1
    for first in range(len(groups)):
        for last in range(min(len(groups), first + _MAX_GROUPS) - 1, first - 1, -1):
            start = offset + groups[first].start()
            if start < taken_until:
                break
            compact = "".join(g.group() for g in groups[first : last + 1])
            scheme = _matching_scheme(compact)
            if scheme is not None:
                end = offset + groups[last].end()
                yield PhiSpan(scheme.kind, start, end, scheme.name, scheme.confidence)
                taken_until = end
                break


def _matching_scheme(compact: str) -> IdScheme | None:
    for scheme in SCHEMES:
        if len(compact) != len(scheme.shape):
            continue
        repaired = repair(compact, scheme.shape)
        if repaired is not None and scheme.is_valid(repaired):
            return scheme
    return None


def repair(value: str, shape: str) -> str | None:
    """Undo OCR letter/digit confusions where the shape says which one belongs.

    Digits are read back as letters only in values that hold several letters already
    (a codice fiscale), never to turn a plain number into a letter-led identifier.
    """
    letters_known = sum(ch.isalpha() for ch in value) >= _LETTERS_FOR_REPAIR
    chars = []
    for char, want in zip(value, shape, strict=True):
        if want == "9":
            char = char.translate(_AS_DIGIT)
            if not char.isdigit():
                return None
        elif want == "A":
            if letters_known:
                char = char.upper().translate(_AS_LETTER)
            if not char.isalpha():
                return None
        chars.append(char.upper())
    return "".join(chars)


def detect_ibans(text: str) -> Iterator[PhiSpan]:
    """IBANs, spaced or not, whose mod-97 check holds (after digit repair)."""
    for match in _IBAN.finditer(text):
        end = _longest_valid_iban(match.group())
        if end is not None:
            yield PhiSpan(
                PhiKind.IBAN, match.start(), match.start() + end, "iban", 0.99
            )


def _longest_valid_iban(candidate: str) -> int | None:
    positions = [i for i, ch in enumerate(candidate) if not ch.isspace()]
    for count in range(min(len(positions), 34), 14, -1):
        compact = "".join(candidate[i] for i in positions[:count])
        fixed = compact[:2] + compact[2:4].translate(_AS_DIGIT) + compact[4:]
        for attempt in (fixed, fixed[:4] + fixed[4:].translate(_AS_DIGIT)):
            if iban.is_valid(attempt):
                return positions[count - 1] + 1
    return None
