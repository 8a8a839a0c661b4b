# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..models import identity_number as idn

NUMBER = "110101199003071234"


@tagged("post_install", "-at_install")
class TestIdentityNumber(BaseCase):
    """The model-free functions of models/identity_number.py."""

    def test_normalize(self):
        self.assertEqual(
            idn.normalize_identity_number(" 1101-0119 9003071234 "), NUMBER
        )
        self.assertEqual(idn.normalize_identity_number("e123 45678"), "E12345678")
        self.assertEqual(idn.normalize_identity_number(None), "")

    def test_mask_hides_birth_date(self):
        """Only the first and the last two characters remain: no region, no
        birth date (characters 7 to 14 of a resident identity card)."""
        mask = idn.mask_identity_number(NUMBER)
        self.assertEqual(mask, "1" + "*" * 15 + "34")
        self.assertEqual(len(mask), len(NUMBER))
        for part in ("19900307", "1990", "0307", "110101", "1101"):
            self.assertNotIn(part, mask)
        self.assertEqual(idn.mask_identity_number("E12345678"), "E******78")
        self.assertEqual(idn.mask_identity_number("A12345"), "A****5")
        self.assertEqual(idn.mask_identity_number("AB"), "**")
        self.assertFalse(idn.mask_identity_number(""))

    def test_validity(self):
        self.assertTrue(idn.is_valid_identity_number(NUMBER, "resident_id"))
        self.assertTrue(
            idn.is_valid_identity_number("33010819830609285x", "resident_id")
        )
        self.assertTrue(idn.is_valid_identity_number("110101900307123", "resident_id"))
        self.assertFalse(
            idn.is_valid_identity_number("1101011990030712", "resident_id")
        )
        self.assertFalse(idn.is_valid_identity_number("E12345678", "resident_id"))
        self.assertTrue(idn.is_valid_identity_number("E12345678", "passport"))
        self.assertTrue(idn.is_valid_identity_number("A123456(7)", "other"))
        self.assertFalse(idn.is_valid_identity_number("12#45", "passport"))
        self.assertTrue(idn.is_valid_identity_number("", "resident_id"))

    def test_hash_and_search(self):
        digest = idn.hash_identity_number(NUMBER, "s3cret")
        self.assertEqual(
            digest, idn.hash_identity_number(" 1101 0119 9003071234", "s3cret")
        )
        self.assertNotEqual(digest, idn.hash_identity_number(NUMBER, "other"))
        self.assertNotIn(NUMBER, digest)
        self.assertFalse(idn.hash_identity_number("", "s3cret"))
        self.assertEqual(
            idn.identity_search_domain("=", NUMBER, "s3cret"),
            [("id_number_hash", "=", digest)],
        )
        for operator, value in (("!=", NUMBER), ("in", [NUMBER]), ("=", False)):
            self.assertEqual(
                idn.identity_search_domain(operator, value, "s3cret"), [("id", "=", 0)]
            )
