"""Key encryption keys in a real PKCS#11 token (SoftHSM2): wrap, bind, refuse clearly."""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pkcs11
import pytest
import services
from pkcs11 import Attribute, ObjectClass
from services import HSM_SPARE_TOKEN, SoftHsm
from sqlmodel import Session

from medocr.errors import KEY_MISSING, KEY_TAMPERED, KEY_WRONG_SECRET, KeyUnavailable
from medocr.keys_pkcs11 import Pkcs11KeyProvider
from medocr.records import DataKey, utcnow
from medocr.runtime import Runtime, build_runtime
from medocr.settings import Settings

softhsm = services.softhsm
records_url = services.records_url


@pytest.fixture
def key_label() -> str:
    return f"kek-{secrets.token_hex(4)}"


def _runtime(home: Path, hsm: SoftHsm, label: str, **overrides: object) -> Runtime:
    return build_runtime(Settings(home=home, keys=hsm.key_settings(label), **overrides))


def _provider(hsm: SoftHsm, label: str, **kwargs: object) -> Pkcs11KeyProvider:
    options = {"token_label": hsm.token_label, "pin": hsm.pin, "key_label": label}
    return Pkcs11KeyProvider.open(hsm.module, **{**options, **kwargs})  # type: ignore[arg-type]


def test_vault_round_trips_with_keys_in_the_token(
    tmp_path: Path, softhsm: SoftHsm, key_label: str, records_url: str
) -> None:
    rt = _runtime(tmp_path, softhsm, key_label, records_url=records_url)
    secret = b"Patientin Erika Mustermann"
    art = rt.vault.put("doc_1", "raw", "original", secret, retain_until=utcnow())
    assert rt.keys.name == "pkcs11"
    assert rt.vault.read(art) == secret
    with Session(rt.engine) as session:
        data_key = session.get(DataKey, art.key_id)
    assert data_key.kek_id == f"{key_label}.content.0001"
    assert secret not in (tmp_path / "vault" / art.location).read_bytes()


def test_keks_are_made_inside_the_token_and_never_extractable(
    softhsm: SoftHsm, key_label: str
) -> None:
    provider = _provider(softhsm, key_label, create_missing=True)
    session = provider._session
    for kek_id in [*provider.kek_ids(), f"{key_label}.token-secret"]:
        (key,) = session.get_objects(
            {Attribute.CLASS: ObjectClass.SECRET_KEY, Attribute.LABEL: kek_id}
        )
        assert key[Attribute.EXTRACTABLE] is False and key[Attribute.SENSITIVE] is True
        with pytest.raises(pkcs11.exceptions.AttributeSensitive):
            key[Attribute.VALUE]


def test_wrapped_data_key_is_bound_to_its_artifact(
    softhsm: SoftHsm, key_label: str
) -> None:
    provider = _provider(softhsm, key_label, create_missing=True)
    kek = provider.active_kek_id("content")
    wrapped = provider.wrap(b"k" * 32, kek_id=kek, aad=b"raw/art_1")
    assert provider.unwrap(wrapped, kek_id=kek, aad=b"raw/art_1") == b"k" * 32
    with pytest.raises(KeyUnavailable) as info:
        provider.unwrap(wrapped, kek_id=kek, aad=b"raw/art_2")
    assert info.value.code == KEY_TAMPERED
    other = provider.active_kek_id("identity")
    with pytest.raises(KeyUnavailable):
        provider.unwrap(wrapped, kek_id=other, aad=b"raw/art_1")


def test_token_secret_is_computed_in_the_token_and_stable(
    softhsm: SoftHsm, key_label: str
) -> None:
    first = _provider(softhsm, key_label, create_missing=True).token_secret()
    again = _provider(softhsm, key_label).token_secret()
    other = _provider(softhsm, key_label + "x", create_missing=True).token_secret()
    assert first == again and len(first) == 32 and first != other


def test_identity_zone_is_wrapped_under_its_own_kek(
    tmp_path: Path, softhsm: SoftHsm, key_label: str
) -> None:
    rt = _runtime(tmp_path, softhsm, key_label)
    ident = rt.vault.put("doc_1", "identity", "map", b"{}", retain_until=utcnow())
    raw = rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    with Session(rt.engine) as session:
        keks = {session.get(DataKey, a.key_id).kek_id for a in (ident, raw)}
    assert keks == {f"{key_label}.identity.0001", f"{key_label}.content.0001"}


def test_wrong_pin_is_a_clear_error(softhsm: SoftHsm, key_label: str) -> None:
    with pytest.raises(KeyUnavailable) as at_login:
        _provider(softhsm, key_label, token_label=HSM_SPARE_TOKEN, pin="0000")
    _provider(softhsm, key_label, create_missing=True)
    with pytest.raises(KeyUnavailable) as while_logged_in:
        _provider(softhsm, key_label, pin="0000")
    assert at_login.value.code == while_logged_in.value.code == KEY_WRONG_SECRET
    assert "wrong PIN" in str(at_login.value) and "0000" not in str(at_login.value)


def test_missing_key_label_with_existing_data_refuses_to_start(
    tmp_path: Path, softhsm: SoftHsm, key_label: str
) -> None:
    rt = _runtime(tmp_path, softhsm, key_label)
    rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    with pytest.raises(KeyUnavailable) as info:
        _runtime(tmp_path, softhsm, key_label + "-typo")
    assert info.value.code == KEY_MISSING and "-typo" in str(info.value)


def test_missing_token_or_module_is_a_clear_error(
    softhsm: SoftHsm, key_label: str
) -> None:
    with pytest.raises(KeyUnavailable) as token:
        _provider(softhsm, key_label, token_label="no-such-token")
    with pytest.raises(KeyUnavailable) as module:
        Pkcs11KeyProvider.open(
            Path("/nonexistent/libpkcs11.so"),
            token_label=softhsm.token_label,
            pin=softhsm.pin,
            key_label=key_label,
        )
    assert token.value.code == module.value.code == KEY_MISSING


def test_threads_share_the_token_session_safely(
    tmp_path: Path, softhsm: SoftHsm, key_label: str
) -> None:
    rt = _runtime(tmp_path, softhsm, key_label)
    payloads = {f"doc_{n}": secrets.token_bytes(64) for n in range(24)}

    def store_and_read(doc: str) -> bytes:
        art = rt.vault.put(doc, "text", "ocr", payloads[doc], retain_until=utcnow())
        return rt.vault.read(art)

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(store_and_read, payloads)) == list(payloads.values())
