"""Masking of personal data (PIPL, JR/T 0171-2020) for lists, exports and screens.

The single implementation lives in :mod:`db.audit` (the data layer masks audit
entries and must not import the desktop layer); this module re-exports it for
the core and UI and adds :func:`mask_row`.

* mobile numbers keep the first 3 and last 4 digits: ``138****5678``;
* resident ID numbers keep the first 6 and last 4 characters;
* e-mail addresses keep the first character and the domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from db.audit import PERSONAL_KEYS, mask_email, mask_id_number, mask_mobile, mask_personal

__all__ = [
    "MASKED_CONTACT_FIELDS",
    "PERSONAL_KEYS",
    "mask_email",
    "mask_id_number",
    "mask_mobile",
    "mask_personal",
    "mask_row",
    "mask_value",
]

# Contact fields masked in lists and exports unless the user unmasks them.
MASKED_CONTACT_FIELDS = ("mobile", "id_number")


def mask_value(field: str, value: Any) -> Any:
    """``value`` masked the way ``field`` is masked; non-text and empty values
    and fields without a masking rule are returned unchanged."""
    masker = PERSONAL_KEYS.get(field)
    if masker is None or not isinstance(value, str) or not value:
        return value
    return masker(value)


def mask_row(
    row: Mapping[str, Any], fields: Iterable[str] = MASKED_CONTACT_FIELDS
) -> dict[str, Any]:
    """A copy of ``row`` with ``fields`` masked (see :func:`mask_value`)."""
    out = dict(row)
    for field in fields:
        if field in out:
            out[field] = mask_value(field, out[field])
    return out
