# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Identity-document numbers of the owner file (D-3, domain_standards C5),
without any model: normalizing, checking, masking and keyed hashing.

``res.partner`` keeps thin field wrappers around these functions; the tests
call them directly (tests/test_property_owner_file.py).
"""

import hashlib
import hmac
import re

# 18 characters: 6 region, 8 birth date, 3 sequence, 1 check (digit or X);
# the first-generation card had 15 digits.
RESIDENT_ID_PATTERN = re.compile(r"(\d{17}[\dX]|\d{15})")
# passports, permits and licences: letters, digits and the brackets of a Hong
# Kong or Macao check character
GENERIC_PATTERN = re.compile(r"[A-Z0-9()]{4,32}")


def normalize_identity_number(number):
    """Upper-case the number and drop spaces and dashes."""
    return re.sub(r"[\s\-]", "", number or "").upper()


def is_valid_identity_number(number, document_type=None):
    """Whether ``number`` (normalized or not) has the shape of a number of
    ``document_type``: a resident identity card has 18 characters (17 digits
    and a digit or X) or 15 digits; the other documents 4 to 32 letters,
    digits or brackets. An empty number is valid (nothing recorded)."""
    number = normalize_identity_number(number)
    if not number:
        return True
    if document_type == "resident_id":
        return bool(RESIDENT_ID_PATTERN.fullmatch(number))
    return bool(GENERIC_PATTERN.fullmatch(number))


def mask_identity_number(number):
    """Keep the first and the last two characters only: 1****************34.

    Nothing in between is shown, so neither the region nor the birth date of
    a resident identity card can be read from the mask; numbers of 6
    characters or fewer keep only their first and last character."""
    number = normalize_identity_number(number)
    if not number:
        return False
    if len(number) <= 2:
        return "*" * len(number)
    tail = 2 if len(number) > 6 else 1
    return number[:1] + "*" * (len(number) - 1 - tail) + number[-tail:]


def hash_identity_number(number, secret):
    """Keyed hash (HMAC-SHA256 with ``secret``) of the normalized number, the
    only form in which a number can be looked up; False for no number."""
    normalized = normalize_identity_number(number)
    if not normalized:
        return False
    return hmac.new(secret.encode(), normalized.encode(), hashlib.sha256).hexdigest()


def identity_search_domain(operator, value, secret):
    """Domain on ``id_number_hash`` for an exact search of the full number;
    a partial or negative search matches nothing."""
    if operator not in ("=", "ilike", "like", "=ilike", "=like") or not value:
        return [("id", "=", 0)]
    if not isinstance(value, str):
        return [("id", "=", 0)]
    return [("id_number_hash", "=", hash_identity_number(value, secret))]
