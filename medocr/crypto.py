"""Envelope encryption: one AES-256-GCM data key per artifact, wrapped by a key provider.

A key provider holds key encryption keys (KEKs) for two purposes, ``content`` and
``identity``, so the identity map never shares a key with the documents, plus a
secret for pseudonym tokens. Destroying a data key makes every copy of its artifact
unreadable, backups included.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from medocr.errors import (
    KEY_MISSING,
    KEY_TAMPERED,
    KEY_WRONG_SECRET,
    KeyUnavailable,
)
from medocr.files import write_atomically

Purpose = Literal["content", "identity"]
NONCE_BYTES = 12


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt with AES-256-GCM under a random nonce; the nonce is prepended."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def seal_deterministic(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt with a synthetic nonce (HMAC of the plaintext under the key).

    The same key and plaintext give the same bytes, so two writers racing to store
    one artifact produce identical objects; distinct plaintexts get distinct nonces.
    """
    mac = hmac.new(key, aad + b"\x00" + plaintext, hashlib.sha256).digest()
    nonce = mac[:NONCE_BYTES]
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Decrypt what ``seal`` produced; a wrong key or altered bytes raise."""
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise KeyUnavailable(
            "decryption failed: wrong key or altered ciphertext", code=KEY_TAMPERED
        ) from exc


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


class KeyProvider(Protocol):
    """Wraps and unwraps data keys under key encryption keys it never reveals."""

    name: str

    def active_kek_id(self, purpose: Purpose) -> str: ...

    def wrap(self, data_key: bytes, *, kek_id: str, aad: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, *, kek_id: str, aad: bytes) -> bytes: ...

    def token_secret(self) -> bytes: ...

    def rotate(self, purpose: Purpose) -> str: ...

    def retire(self, kek_id: str) -> None: ...

    def kek_ids(self) -> list[str]: ...


@dataclass
class _KeyFile:
    active: dict[str, str]
    keys: dict[str, bytes]
    token_secret: bytes

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "active": self.active,
                "keys": {k: base64.b64encode(v).decode() for k, v in self.keys.items()},
                "token_secret": base64.b64encode(self.token_secret).decode(),
            }
        ).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> _KeyFile:
        data = json.loads(raw)
        return cls(
            active=data["active"],
            keys={k: base64.b64decode(v) for k, v in data["keys"].items()},
            token_secret=base64.b64decode(data["token_secret"]),
        )

    @classmethod
    def fresh(cls) -> _KeyFile:
        keys = {f"kek_{secrets.token_hex(6)}": new_data_key() for _ in range(2)}
        content_id, identity_id = keys
        return cls(
            active={"content": content_id, "identity": identity_id},
            keys=keys,
            token_secret=secrets.token_bytes(32),
        )


class LocalKeyFileProvider:
    """KEKs in one owner-only file, optionally sealed under a passphrase (scrypt)."""

    name = "file"

    def __init__(self, path: Path, passphrase: str | None = None) -> None:
        self._path = path
        self._passphrase = passphrase
        self._stamp = _stamp(path)
        self._loaded = self._load()

    @property
    def _file(self) -> _KeyFile:
        """The key file as on disk: another process may have rotated or retired a KEK."""
        stamp = _stamp(self._path)
        if stamp is not None and stamp != self._stamp:
            self._loaded, self._stamp = self._load(), stamp
        return self._loaded

    @classmethod
    def create(cls, path: Path, passphrase: str | None = None) -> LocalKeyFileProvider:
        """Write a new key file with owner-only permissions; never overwrite one."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _write_private(path, _encode(_KeyFile.fresh(), passphrase), exclusive=True)
        return cls(path, passphrase)

    def active_kek_id(self, purpose: Purpose) -> str:
        return self._file.active[purpose]

    def wrap(self, data_key: bytes, *, kek_id: str, aad: bytes) -> bytes:
        return seal(self._kek(kek_id), data_key, aad)

    def unwrap(self, wrapped: bytes, *, kek_id: str, aad: bytes) -> bytes:
        return unseal(self._kek(kek_id), wrapped, aad)

    def token_secret(self) -> bytes:
        return self._file.token_secret

    def rotate(self, purpose: Purpose) -> str:
        """Add a new KEK for ``purpose`` and make it active; old ones stay to unwrap."""
        kek_id = f"kek_{secrets.token_hex(6)}"
        self._file.keys[kek_id] = new_data_key()
        self._file.active[purpose] = kek_id
        _write_private(self._path, _encode(self._file, self._passphrase))
        return kek_id

    def kek_ids(self) -> list[str]:
        return sorted(self._file.keys)

    def retire(self, kek_id: str) -> None:
        """Forget a KEK once no data key is wrapped under it any more."""
        if kek_id in self._file.active.values():
            raise KeyUnavailable("an active key cannot be retired", code=KEY_MISSING)
        self._file.keys.pop(kek_id, None)
        _write_private(self._path, _encode(self._file, self._passphrase))

    def _kek(self, kek_id: str) -> bytes:
        try:
            return self._file.keys[kek_id]
        except KeyError:
            raise KeyUnavailable(
                f"key encryption key {kek_id} is not in the key file", code=KEY_MISSING
            ) from None

    def _load(self) -> _KeyFile:
        if not self._path.is_file():
            raise KeyUnavailable(
                "key file not found; restore it from backup (medocr will not invent "
                "a new one while encrypted data exists)",
                code=KEY_MISSING,
            )
        return _decode(self._path.read_bytes(), self._passphrase)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Identity of the file's current version (it is always replaced, never edited)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


_MAGIC = b"MEDOCR-KEYS-1\n"


def _encode(key_file: _KeyFile, passphrase: str | None) -> bytes:
    raw = key_file.to_json()
    if passphrase is None:
        return raw
    salt = os.urandom(16)
    return _MAGIC + salt + seal(_derive(passphrase, salt), raw, _MAGIC)


def _decode(raw: bytes, passphrase: str | None) -> _KeyFile:
    if not raw.startswith(_MAGIC):
        if passphrase is not None:
            raise KeyUnavailable(
                "the key file is not passphrase-protected but a passphrase was set",
                code=KEY_WRONG_SECRET,
            )
        return _KeyFile.from_json(raw)
    if passphrase is None:
        raise KeyUnavailable(
            "the key file is passphrase-protected: set MEDOCR_KEYS__PASSPHRASE",
            code=KEY_WRONG_SECRET,
        )
    body = raw[len(_MAGIC) :]
    try:
        plain = unseal(_derive(passphrase, body[:16]), body[16:], _MAGIC)
    except KeyUnavailable:
        raise KeyUnavailable(
            "wrong passphrase for the key file", code=KEY_WRONG_SECRET
        ) from None
    return _KeyFile.from_json(plain)


def _derive(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode())


def _write_private(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write owner-only, atomically: a crash leaves the old file or the new one."""
    try:
        write_atomically(path, data, exclusive=exclusive)
    except FileExistsError:
        raise KeyUnavailable(
            "a key file already exists here", code=KEY_MISSING
        ) from None
