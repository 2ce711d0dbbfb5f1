"""Stable keyed tokens, the offset map and the identity map."""

from __future__ import annotations

import json

import pytest

from medocr.phi import (
    PhiKind,
    PhiSpan,
    detect_phi,
    identity_map_json,
    pseudonymize_text,
    token_for,
)
from tasks.pseudonymize import pseudonymize_document

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))


def test_one_patient_keeps_one_token_across_documents() -> None:
    letter = "Wir berichten über Frau Beate Albers, geb. 04.04.1997, KVNR A123456780."
    report = "Befund: Patientin Albers (* 4.4.1997), Versichertennummer A 123456780."
    first = pseudonymize_document(letter, token_key=KEY, language="de")
    second = pseudonymize_document(report, token_key=KEY, language="de")
    albers = token_for(PhiKind.NAME, "Albers", KEY)
    birth = token_for(PhiKind.DATE_OF_BIRTH, "04.04.1997", KEY)
    kvnr = token_for(PhiKind.INSURANCE_ID, "A123456780", KEY)
    for result in (first, second):
        assert albers in result.text
        assert birth in result.text
        assert kvnr in result.text
        assert "Albers" not in result.text and "1997" not in result.text


def test_tokens_depend_on_the_deployment_key() -> None:
    assert token_for(PhiKind.NAME, "Albers", KEY) != token_for(
        PhiKind.NAME, "Albers", OTHER_KEY
    )
    assert token_for(PhiKind.NAME, "Albers", KEY).startswith("[NAME_")


def test_ocr_variants_of_one_identifier_share_a_token() -> None:
    assert token_for(PhiKind.IBAN, "DE89 3704 0044 0532 0130 00", KEY) == token_for(
        PhiKind.IBAN, "DE89370400440532O13000", KEY
    )
    assert token_for(PhiKind.PHONE, "+49 30 1234567", KEY) == token_for(
        PhiKind.PHONE, "0049-30-1234567", KEY
    )


def test_offset_map_points_back_to_the_original() -> None:
    text = "Herr Max Mustermann, Tel. 030 1234567, kommt morgen."
    result = pseudonymize_text(text, detect_phi(text, "de"), KEY)
    tail = result.text.index("kommt")
    assert result.to_source(tail) == text.index("kommt")
    assert result.to_target(text.index("kommt")) == tail
    for item in result.replacements:
        target = result.to_target(item.start)
        assert result.text[target : target + len(item.token)] == item.token
        assert text[item.start : item.end] == item.original


def test_identity_map_lists_each_token_once_with_its_originals() -> None:
    text = "Frau Albers kam. Frau Albers ging. E-Mail: beate.albers@example.org"
    result = pseudonymize_text(text, detect_phi(text), KEY)
    entries = json.loads(identity_map_json(result.replacements))["entries"]
    tokens = [entry["token"] for entry in entries]
    assert len(tokens) == len(set(tokens))
    originals = {o for entry in entries for o in entry["originals"]}
    assert {"Albers", "beate.albers@example.org"} <= originals


def test_short_keys_and_overlapping_spans_are_refused() -> None:
    text = "Herr Max Mustermann"
    with pytest.raises(ValueError):
        pseudonymize_text(text, [], b"short")
    spans = [
        PhiSpan(PhiKind.NAME, 5, 12, "test", 1.0),
        PhiSpan(PhiKind.NAME, 9, 19, "test", 1.0),
    ]
    with pytest.raises(ValueError):
        pseudonymize_text(text, spans, KEY)


def test_tokenised_text_holds_nothing_left_to_detect() -> None:
    text = (
        "Patientin: Beate Albers, geb. 04.04.1997, Calle Mayor 5, 28013 Madrid, "
        "Tel. +34 91 123 45 67, beate@example.org, NASS 26 63514095, "
        "IBAN DE89 3704 0044 0532 0130 00, KVNR A123456780."
    )
    result = pseudonymize_document(text, token_key=KEY, language=None)
    again = detect_phi(result.text)
    leftovers = [result.text[s.start : s.end] for s in again]
    assert leftovers == []
