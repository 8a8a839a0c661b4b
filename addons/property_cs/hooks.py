# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

# Minimum password length set on installation; administrators change it in
# Settings > General Settings > Permissions (Odoo's own setting).
PASSWORD_MIN_LENGTH = 8


def post_init_hook(env):
    """Account hygiene on installation (personal-information protection):

    - passwords of at least ``PASSWORD_MIN_LENGTH`` characters (Odoo's
      ``auth_password_policy`` setting), unless a longer minimum is set;
    - no portal self-signup: owners and residents are invited by the property
      company, never registered by whoever finds the login page.

    Odoo's own default is 8 characters already; this keeps a lower value an
    administrator set before installing from weakening the owners' accounts.
    """
    params = env["ir.config_parameter"].sudo()
    current = int(params.get_param("auth_password_policy.minlength", 0) or 0)
    if current < PASSWORD_MIN_LENGTH:
        params.set_param("auth_password_policy.minlength", PASSWORD_MIN_LENGTH)
    params.set_param("auth_signup.invitation_scope", "b2b")
