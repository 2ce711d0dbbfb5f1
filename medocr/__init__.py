"""medocr: scanned medical documents into signed, pseudonymized records inside the EU."""

__version__ = "0.1.0"
