# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Accounts of staff and owners: export right, two-factor sign-in for staff
who read sensitive personal information, password length, no self-signup."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..hooks import PASSWORD_MIN_LENGTH
from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestAccountPolicy(PropertyCsCommon):
    def test_agents_have_no_export_right(self):
        """Agents, as shipped, cannot export owners in bulk, over RPC either;
        head office can."""
        for user in (self.agent, self.users["supervisor"], self.manager):
            self.assertFalse(user.has_group("base.group_allow_export"), user.login)
            with self.assertRaises(AccessError):
                self.owner_a.with_user(user).export_data(["name", "mobile"])
            with self.assertRaises(AccessError):
                self.unit_a1.with_user(user).export_data(["name"])
        demo_agent = self.env.ref("property_cs.demo_user_agent", False)
        if demo_agent:
            self.assertFalse(demo_agent.has_group("base.group_allow_export"))
        head_office = self.users["head_office"]
        self.assertTrue(head_office.has_group("base.group_allow_export"))
        rows = self.owner_a.with_user(head_office).export_data(["name"])["datas"]
        self.assertEqual(rows, [["Zhang Wei"]])

    def test_export_right_granted_by_administrator(self):
        """An administrator may give one agent the right; then it works."""
        self.agent.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
        rows = self.owner_a.with_user(self.agent).export_data(["name"])["datas"]
        self.assertEqual(rows, [["Zhang Wei"]])

    def test_two_factor_for_sensitive_data_staff(self):
        """Who reads identity numbers or special needs, and head office, must
        sign in with a second factor; other staff and owners follow Odoo's own
        policy; the company can switch the requirement off."""
        self.env["ir.config_parameter"].sudo().set_param("auth_totp.policy", False)
        self.assertEqual(self.manager._mfa_type(), "totp_mail")  # identity reader
        self.assertEqual(self.users["special_needs"]._mfa_type(), "totp_mail")
        self.assertEqual(self.users["head_office"]._mfa_type(), "totp_mail")
        self.assertIsNone(self.agent._mfa_type())
        self.assertIsNone(self.portal_owner._mfa_type())
        self.company.property_totp_personal_data = False
        self.assertIsNone(self.manager._mfa_type())

    def test_password_minimum_length(self):
        """Passwords shorter than the minimum are refused with the reason."""
        params = self.env["ir.config_parameter"].sudo()
        self.assertGreaterEqual(
            int(params.get_param("auth_password_policy.minlength")),
            PASSWORD_MIN_LENGTH,
        )
        with self.assertRaises(UserError):
            self.portal_owner.write({"password": "1234567"})
        self.portal_owner.write({"password": "a-long-passphrase"})

    def test_no_portal_self_signup(self):
        """Owners are invited: nobody registers themself from the login page."""
        self.assertEqual(
            self.env["res.users"].sudo()._get_signup_invitation_scope(), "b2b"
        )
