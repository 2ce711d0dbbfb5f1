"""The ``medocr`` command line."""
