"""An in-process RFC 3161 timestamp authority that keeps its key loaded."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.sign.timestamps.api import TimeStamper

from medocr.signing.keys import LoadedKeySigner, PrivateKey

# Policy OID under the "example" arc: the embedded TSA makes no qualified claims.
LOCAL_TSA_POLICY = "1.3.6.1.4.1.32473.1.1"


class LocalTimeStamper(TimeStamper):
    """Answers timestamp requests itself with the local TSA's certificate and key.

    The same ``respond`` method backs a small HTTP endpoint in the tests, so the
    production ``HTTPTimeStamper`` path is exercised against identical tokens.
    """

    def __init__(
        self, key: PrivateKey, cert: x509.Certificate, chain: Iterable[x509.Certificate]
    ) -> None:
        super().__init__(include_nonce=True)
        self._signer = LoadedKeySigner(key, cert, chain)
        signing_cert = self._signer.signing_cert
        assert signing_cert is not None
        self._tsa_name = asn1_x509.GeneralName(
            name="directory_name", value=signing_cert.subject
        )

    def respond(self, request: tsp.TimeStampReq) -> tsp.TimeStampResp:
        """Answer ``request`` from synchronous code (an HTTP handler thread)."""
        return asyncio.run(self.async_respond(request))

    async def async_respond(self, request: tsp.TimeStampReq) -> tsp.TimeStampResp:
        """Build a granted response with a signed TSTInfo for ``request``."""
        tst_info = tsp.TSTInfo(
            {
                "version": "v1",
                "policy": LOCAL_TSA_POLICY,
                "message_imprint": request["message_imprint"],
                "serial_number": secrets.randbits(120),
                "gen_time": datetime.now(UTC),
                "tsa": self._tsa_name,
                **_nonce(request),
            }
        )
        token = await self._signer.async_sign_general_data(
            cms.EncapsulatedContentInfo(
                {
                    "content_type": "tst_info",
                    "content": cms.ParsableOctetString(tst_info.dump()),
                }
            ),
            "sha256",
            detached=False,
            use_cades=True,
        )
        status = tsp.PKIStatusInfo({"status": "granted"})
        return tsp.TimeStampResp({"status": status, "time_stamp_token": token})

    async def async_request_tsa_response(
        self, req: tsp.TimeStampReq
    ) -> tsp.TimeStampResp:
        """pyHanko's hook: answer in-process, no network."""
        return await self.async_respond(req)


def _nonce(request: tsp.TimeStampReq) -> dict[str, object]:
    nonce = request["nonce"].native
    return {} if nonce is None else {"nonce": nonce}
