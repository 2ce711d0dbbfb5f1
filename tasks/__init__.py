"""Pipeline stages: plain functions, each wrapped by a thin Prefect task."""

from medocr.prefect_profile import apply_prefect_profile
from medocr.settings import get_settings

apply_prefect_profile(get_settings())
