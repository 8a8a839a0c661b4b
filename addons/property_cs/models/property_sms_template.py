# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

VARIABLE = re.compile(r"\$\{(\w+)\}|\{(\d+)\}")


class PropertySmsTemplate(models.Model):
    """A text template the SMS provider approved (短信模板), with its code.
    A Chinese provider sends only approved templates: an SMS that Odoo
    renders (from an SMS template, an automation rule or the composer) is
    sent as the approved template whose text it matches, the variable
    parts as the template's parameters. A template that is only a variable
    (``${content}``) carries any text; the most specific template wins."""

    _name = "property.sms.template"
    _description = "Approved SMS Template"
    _order = "company_id, name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    code = fields.Char(
        string="Template Code",
        required=True,
        help="Aliyun: the 模板CODE (SMS_123456789); Tencent Cloud: the 模板ID.",
    )
    content = fields.Text(
        string="Approved Text",
        required=True,
        help="The text exactly as approved, with its variables: ${name} for "
        "Aliyun, {1} {2}... for Tencent Cloud.",
    )

    _sql_constraints = [
        (
            "code_uniq",
            "unique(company_id, code)",
            "Each approved template is recorded once per company.",
        )
    ]

    @api.constrains("content")
    def _check_content(self):
        for template in self:
            names = [a or b for a, b in VARIABLE.findall(template.content or "")]
            if len(names) != len(set(names)):
                raise ValidationError(
                    self.env._(
                        "Each variable appears once in the approved text of "
                        "%(template)s.",
                        template=template.name,
                    )
                )

    def _pattern(self):
        """The template's text as a pattern: (regex, variable names)."""
        self.ensure_one()
        parts, names, last = [], [], 0
        for match in VARIABLE.finditer(self.content):
            parts.append(re.escape(self.content[last : match.start()]))
            names.append(match.group(1) or match.group(2))
            parts.append("(.+?)")
            last = match.end()
        parts.append(re.escape(self.content[last:]))
        return re.compile("".join(parts), re.DOTALL), names

    @api.model
    def _match(self, company, body):
        """The approved template of ``company`` that ``body`` is and its
        parameters (a dict for ${name} variables, a list in order for {n}
        variables), else (empty, None). The template with the most fixed
        text wins."""
        templates = self.sudo().search([("company_id", "=", company.id)])
        body = (body or "").strip()

        def fixed_length(template):
            return len(VARIABLE.sub("", template.content))

        for template in templates.sorted(fixed_length, reverse=True):
            regex, names = template._pattern()
            match = regex.fullmatch(body)
            if not match:
                continue
            values = match.groups()
            if names and all(name.isdigit() for name in names):
                ordered = sorted(
                    zip(names, values, strict=True), key=lambda p: int(p[0])
                )
                return template, [value for _name, value in ordered]
            return template, dict(zip(names, values, strict=True))
        return self.browse(), None
