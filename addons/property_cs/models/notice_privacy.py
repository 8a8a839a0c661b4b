# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Personal-information checks of public notices (issue 14, domain_standards
C9, PIPL Art. 25), without any model: which phone numbers, identity numbers,
names and unit numbers a text contains.

``property.notice`` calls these at publication
(models/property_notice_privacy.py); the tests call them directly
(tests/test_notice.py).
"""

import re

# a mainland mobile number, with or without +86 and separators:
# 138 0013 8000, +86-13800138000
MOBILE_PATTERN = re.compile(
    r"(?<![\d])(?:\+?86[\s\-]?)?1[3-9]\d(?:[\s\-]?\d){8}(?![\d])"
)
# a fixed line with its area code: 0571-8517 6600, (010) 6512 3456
LANDLINE_PATTERN = re.compile(
    r"(?<![\d])(?:\(0\d{2,3}\)|0\d{2,3})[\s\-]?\d{3,4}[\s\-]?\d{4}(?![\d])"
)
# a resident identity card of 18 characters: region, birth date 19xx/20xx,
# sequence and check character, possibly written in groups
IDENTITY_PATTERN = re.compile(
    r"(?<![\dA-Za-z])\d{6}[\s\-]?(?:19|20)\d{2}(?:0[1-9]|1[0-2])"
    r"(?:0[1-9]|[12]\d|3[01])[\s\-]?\d{3}[\dXx](?![\dA-Za-z])"
)
# "Mr Wang", "Ms Li" as an arrears notice must not write them: 王先生, 李女士
HONORIFIC_PATTERN = re.compile(r"[\u4e00-\u9fff](?:先生|女士|小姐|太太)")
# a room number as arrears lists write them: 3-2-501, 2幢203室, 5#1102
ROOM_PATTERN = re.compile(
    r"(?<![\d])\d{1,3}\s*[\-－—#幢栋号]\s*(?:\d{1,2}\s*[\-－—单元]+\s*)?\d{3,4}(?![\d])"
    r"|\d{3,4}\s*室"
)


def digits(text):
    """The digits of ``text`` (a phone number's comparable form)."""
    return re.sub(r"\D", "", text or "")


def _normalize_phone(number):
    number = digits(number)
    if number.startswith("86") and len(number) == 13:
        number = number[2:]
    return number


def find_phone_numbers(text, allowed=()):
    """The phone numbers written in ``text`` that are not in ``allowed``
    (the published numbers of the company and the project)."""
    allowed = {_normalize_phone(number) for number in allowed if digits(number)}
    found = []
    for pattern in (MOBILE_PATTERN, LANDLINE_PATTERN):
        for match in pattern.finditer(text or ""):
            number = match.group(0).strip()
            if _normalize_phone(number) not in allowed and number not in found:
                found.append(number)
    return found


def find_identity_numbers(text):
    """The identity-card numbers written in ``text``."""
    return [match.group(0) for match in IDENTITY_PATTERN.finditer(text or "")]


def find_names(text, names):
    """The ``names`` (of two characters or more) that ``text`` contains.
    Latin names match as whole words, case-insensitively; Chinese names as
    they are written."""
    text = text or ""
    lowered = text.lower()
    found = []
    for name in names:
        name = (name or "").strip()
        if len(name) < 2 or name in found:
            continue
        if name.isascii():
            if re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", lowered):
                found.append(name)
        elif name in text:
            found.append(name)
    return found


def find_unit_numbers(text, unit_names=()):
    """Unit numbers written in ``text``: the project's own unit numbers
    (whole numbers only) and room numbers as arrears lists write them."""
    text = text or ""
    found = []
    for name in unit_names:
        name = (name or "").strip()
        if not name or name in found:
            continue
        if re.search(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
            found.append(name)
    for match in ROOM_PATTERN.finditer(text):
        if match.group(0) not in found:
            found.append(match.group(0))
    return found


def find_honorifics(text):
    """Surnames with an honorific (王先生): a person named in an arrears
    notice."""
    return [match.group(0) for match in HONORIFIC_PATTERN.finditer(text or "")]


def mask(value):
    """A found value as the error message shows it: first and last
    characters only."""
    value = value or ""
    if len(value) <= 2:
        return "*" * len(value)
    keep = 3 if len(value) > 8 else 1
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]
