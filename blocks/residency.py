"""``ResidencyPolicyBlock``: the regions and hosts medocr may use, and nothing else."""

from __future__ import annotations

from prefect.blocks.core import Block

from medocr.settings import EU_REGIONS, ResidencySettings, Settings


class ResidencyPolicyBlock(Block):
    """Allowed regions for every store and service, and allowed hosts to connect to."""

    _block_type_name = "medocr residency policy"
    _description = "Regions and hosts medocr may use; anything else refuses to start."

    allowed_regions: list[str] = list(EU_REGIONS)
    allowed_hosts: list[str] = ["127.0.0.1", "localhost", "::1"]
    egress_guard: bool = True

    def residency_settings(self) -> ResidencySettings:
        """The ``residency`` settings section this block describes."""
        return ResidencySettings(
            allowed_regions=tuple(self.allowed_regions),
            allowed_hosts=tuple(self.allowed_hosts),
            egress_guard=self.egress_guard,
        )

    @classmethod
    def from_settings(cls, section: ResidencySettings) -> ResidencyPolicyBlock:
        return cls(**section.model_dump())


def configured_settings(base: Settings, *blocks: object) -> Settings:
    """``base`` with the sections of the given blocks put in its place (validated)."""
    from blocks.keys import KeyProviderBlock
    from blocks.records_db import RecordsDatabaseBlock
    from blocks.vault import VaultBackendBlock

    values = base.model_dump()
    for block in blocks:
        if isinstance(block, VaultBackendBlock):
            values["vault"] = block.vault_settings().model_dump()
        elif isinstance(block, KeyProviderBlock):
            values["keys"] = block.key_settings().model_dump()
        elif isinstance(block, RecordsDatabaseBlock):
            values["records_url"] = block.records_url()
        elif isinstance(block, ResidencyPolicyBlock):
            values["residency"] = block.residency_settings().model_dump()
        else:
            raise TypeError(f"not a medocr configuration block: {type(block).__name__}")
    return Settings(**values)
