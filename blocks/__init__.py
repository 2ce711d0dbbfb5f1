"""Prefect blocks that choose and configure medocr's implementations."""
