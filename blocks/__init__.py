"""Prefect blocks that choose and configure medocr's implementations.

The hardened Prefect profile is applied before any block module imports Prefect.
"""

from medocr.prefect_profile import apply_prefect_profile
from medocr.settings import get_settings

apply_prefect_profile(get_settings())
