"""The retention policy: how long each zone keeps a copy, per record type."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from medocr.errors import ConfigurationError

POLICY_FILE = (
    Path(__file__).resolve().parents[1] / "data-contracts" / "retention-policy.yaml"
)


class _Duration(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    days: int


class _PolicyFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    zones: dict[str, _Duration]
    record_types: dict[str, dict[str, _Duration]] = {}


@dataclass(frozen=True)
class RetentionPolicy:
    version: str
    zone_days: dict[str, int]
    overrides: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = POLICY_FILE) -> RetentionPolicy:
        """Read and validate the policy file; unknown keys are rejected."""
        try:
            parsed = _PolicyFile.model_validate(yaml.safe_load(path.read_text()))
        except (OSError, ValueError) as exc:
            raise ConfigurationError(f"retention policy {path.name} is invalid: {exc}")
        return cls(
            version=parsed.version,
            zone_days={zone: d.days for zone, d in parsed.zones.items()},
            overrides={
                rt: {zone: d.days for zone, d in zones.items()}
                for rt, zones in parsed.record_types.items()
            },
        )

    def deadline(
        self, zone: str, written_at: datetime, record_type: str | None
    ) -> datetime:
        """When an artifact of ``zone`` written at ``written_at`` must be gone."""
        days = self.overrides.get(record_type or "", {}).get(zone)
        if days is None:
            try:
                days = self.zone_days[zone]
            except KeyError:
                raise ConfigurationError(
                    f"retention policy has no duration for zone {zone}"
                ) from None
        return written_at + timedelta(days=days)
