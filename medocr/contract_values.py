"""Whether one value fits a contract property: logical type, enum, then options.

Each check answers with the rule a value breaks (``schema.type``, ``schema.enum``,
``schema.format``) or None; never with the value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from medocr.contracts import ContractField

TYPE = "schema.type"
ENUM = "schema.enum"
FORMAT = "schema.format"

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{5,8}(?:\.[0-9]+)?(?:Z|[+-][0-9:]{4,5})?"
)


def check_value(spec: ContractField, value: Any) -> str | None:
    """The first rule ``value`` breaks for ``spec``, or None if it fits."""
    parsed = _PARSERS[spec.logical_type](value)
    if parsed is None:
        return TYPE
    if spec.enum is not None and value not in spec.enum:
        return ENUM
    if not _options_hold(spec.logical_type, spec.options, parsed):
        return FORMAT
    return None


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _timestamp(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not _ISO_TIMESTAMP.fullmatch(value):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _array(value: Any) -> list[Any] | None:
    return value if isinstance(value, list) else None


def _object(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "string": _string,
    "integer": _integer,
    "number": _number,
    "boolean": _boolean,
    "date": _date,
    "timestamp": _timestamp,
    "array": _array,
    "object": _object,
}


def _options_hold(logical_type: str, options: Mapping[str, Any], parsed: Any) -> bool:
    if logical_type == "string":
        return _string_options_hold(options, parsed)
    if logical_type == "array":
        return _array_options_hold(options, parsed)
    if logical_type == "timestamp" and options.get("timezone"):
        return parsed.tzinfo is not None
    if logical_type == "date":
        bounds = {
            key: dt.date.fromisoformat(value)
            for key, value in options.items()
            if "imum" in key
        }
        return _within(bounds, parsed)
    if logical_type in ("integer", "number"):
        return _within(options, parsed)
    return True


def _string_options_hold(options: Mapping[str, Any], text: str) -> bool:
    if len(text) < options.get("minLength", 0):
        return False
    if "maxLength" in options and len(text) > options["maxLength"]:
        return False
    return "pattern" not in options or re.search(options["pattern"], text) is not None


def _array_options_hold(options: Mapping[str, Any], items: list[Any]) -> bool:
    if len(items) < options.get("minItems", 0):
        return False
    if "maxItems" in options and len(items) > options["maxItems"]:
        return False
    if options.get("uniqueItems"):
        return len({repr(item) for item in items}) == len(items)
    return True


def _within(bounds: Mapping[str, Any], value: Any) -> bool:
    checks = {
        "minimum": lambda bound: value >= bound,
        "maximum": lambda bound: value <= bound,
        "exclusiveMinimum": lambda bound: value > bound,
        "exclusiveMaximum": lambda bound: value < bound,
    }
    return all(check(bounds[key]) for key, check in checks.items() if key in bounds)
