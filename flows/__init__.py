"""Prefect flows: composition only. The hardened profile is applied before Prefect loads."""

from medocr.prefect_profile import apply_prefect_profile
from medocr.settings import get_settings

apply_prefect_profile(get_settings())
