# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools.misc import format_datetime

# the owner mails of a request, and what each tells in WeChat
OWNER_EVENTS = {
    "property_cs.mail_template_ticket_received": "received",
    "property_cs.mail_template_ticket_dispatched": "assigned",
    "property_cs.mail_template_ticket_done": "done",
    "property_cs.mail_template_ticket_done_complaint": "done_complaint",
    "property_cs.mail_template_ticket_closed": "closed",
    "property_cs.mail_template_ticket_promised": "promised",
    "property_cs.mail_template_ticket_on_the_way": "on_the_way",
}
# the preferred channels that WeChat serves (none said: a bound WeChat is
# the owner's choice)
WECHAT_CHANNELS = (False, "wechat", "messaging")


class PropertyTicket(models.Model):
    """The owner's request told in WeChat or by SMS (D-9, D-10, D-14):
    every owner mail of a request (received, assigned, on the way, done
    with the confirm link, closed, a promised time, a broken promise) goes
    also to the WeChat the owner bound, when WeChat is their preferred
    channel or they named none, or by SMS when they prefer SMS. The outbox
    applies the 48-hour rule when it sends: a customer-service message
    while the owner wrote within 48 hours, the account's template message
    otherwise."""

    _inherit = "property.ticket"

    def _message_track_post_template(self, changes):
        res = super()._message_track_post_template(changes)
        if changes and "stage_id" in changes and self.stage_id.mail_template_id:
            self._notify_owner_channels(
                self._wechat_event(self.stage_id.mail_template_id)
            )
        return res

    def _sla_notify_owner(self, template_xmlid):
        res = super()._sla_notify_owner(template_xmlid)
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        for ticket in self if template else ():
            ticket._notify_owner_channels(ticket._wechat_event(template))
        return res

    def _record_broken_promise(self, apology, reason, remedy, date_new):
        message = super()._record_broken_promise(apology, reason, remedy, date_new)
        self._notify_owner_channels("broken_promise", reason=reason)
        return message

    def _notify_owner_channels(self, event, reason=None):
        """Tell the owners of these requests ``event`` by the channel they
        prefer beyond mail and portal: WeChat, or SMS. Not for history
        brought in by Odoo's import (``import_file`` in the context): its
        owners were told in its time."""
        if self.env.context.get("import_file"):
            return
        self._wechat_notify_owner(event, reason=reason)
        self._sms_notify_owner(event, reason=reason)

    def _sms_notify_owner(self, event, reason=None):
        """An SMS of ``event`` for the owners who prefer SMS, have a
        mobile number, and whose company sends through a Chinese provider;
        queued (Odoo's SMS queue sends it) and recorded on the request."""
        for ticket in self.sudo().filtered("partner_id"):
            partner = ticket.partner_id
            if (
                partner.preferred_channel != "sms"
                or not (partner.mobile or partner.phone)
                or not ticket.company_id._sms_provider()
            ):
                continue
            text, _values, url = ticket._wechat_owner_message(event, reason=reason)
            ticket._message_sms(
                f"{text} {url}" if event == "done" else text,
                partner_ids=partner.ids,
                put_in_queue=True,
            )
            self.env.ref("sms.ir_cron_sms_scheduler_action")._trigger()

    def _wechat_event(self, template):
        """What an owner mail tells, for WeChat: its event, else the
        request's new progress ("stage")."""
        self.ensure_one()
        for xmlid, event in OWNER_EVENTS.items():
            if template == self.env.ref(xmlid, raise_if_not_found=False):
                if event == "done" and self.kind == "complaint":
                    return "done_complaint"
                return event
        return "stage"

    def _wechat_notify_owner(self, event, reason=None):
        """Queue the WeChat message of ``event`` for the owners of these
        requests who bound a WeChat of an account serving the request's
        project. A request received by WeChat is acknowledged by the
        WeChat intake itself, not twice."""
        Binding = self.env["property.wechat.binding"].sudo()
        Account = self.env["property.wechat.account"]
        vals_list = []
        for ticket in self.sudo().filtered("partner_id"):
            if event == "received" and ticket.channel == "messaging":
                continue
            if ticket.partner_id.preferred_channel not in WECHAT_CHANNELS:
                continue
            accounts = Account._wechat_accounts_for(ticket.project_id)
            bindings = Binding.search(
                [
                    ("partner_id", "=", ticket.partner_id.id),
                    ("state", "=", "bound"),
                    ("account_id", "in", accounts.ids),
                ]
            )
            if not bindings:
                continue
            text, values, url = ticket._wechat_owner_message(event, reason=reason)
            vals_list += [
                {
                    "account_id": binding.account_id.id,
                    "company_id": binding.company_id.id,
                    "openid": binding.openid,
                    "body": text,
                    "partner_id": ticket.partner_id.id,
                    "ticket_id": ticket.id,
                    "purpose": "ticket",
                    "template_values": values,
                    "url": url,
                }
                for binding in bindings
            ]
        return self.env["property.wechat.outbox"]._queue_many(vals_list)

    def _wechat_owner_message(self, event, reason=None):
        """The WeChat message of ``event`` in the owner's language (else the
        company's) and the project's time zone: (text, the values of a
        template message, link)."""
        self.ensure_one()
        env = self._owner_env()
        _ = env._
        tz = self.project_id.tz or "Asia/Shanghai"

        def when(value):
            return format_datetime(env, value, tz=tz, dt_format="short")

        number, subject = self.number, self.name
        url = f"{self.get_base_url()}{self.get_portal_url()}"
        time = self.date_promised or fields.Datetime.now()
        if event == "received":
            status = _("Received")
            parts = [
                _(
                    "We received your request %(number)s: %(subject)s.",
                    number=number,
                    subject=subject,
                )
            ]
            if self.date_promised:
                parts.append(
                    _(
                        "We promise to solve it by %(time)s.",
                        time=when(self.date_promised),
                    )
                )
            elif self.date_commit_deadline:
                time = self.date_commit_deadline
                parts.append(
                    _(
                        "We will tell you by %(time)s when it will be solved.",
                        time=when(self.date_commit_deadline),
                    )
                )
            if self.project_id.hotline:
                parts.append(
                    _("Service hotline: %(phone)s", phone=self.project_id.hotline)
                )
            text = "\n".join(parts)
        elif event == "assigned":
            status = _("Assigned")
            text = _(
                "Your request %(number)s: %(subject)s has been assigned to our "
                "staff, who will contact you.",
                number=number,
                subject=subject,
            )
        elif event == "on_the_way":
            status = _("On the way")
            time = fields.Datetime.now()
            text = _(
                "Our staff are on the way for your request %(number)s: %(subject)s.",
                number=number,
                subject=subject,
            )
        elif event == "promised":
            status = _("Time promised")
            text = _(
                "We promise to solve your request %(number)s: %(subject)s by %(time)s.",
                number=number,
                subject=subject,
                time=when(self.date_promised),
            )
        elif event == "broken_promise":
            status = _("New time")
            text = _(
                "We are sorry: your request %(number)s cannot be solved by the "
                "time we promised (%(reason)s). New promised time: %(time)s.",
                number=number,
                reason=reason or "",
                time=when(self.date_promised),
            )
        elif event == "done":
            status = _("Done")
            time = fields.Datetime.now()
            url = self._confirm_link_url()
            text = _(
                "Your request %(number)s: %(subject)s is done. Please confirm "
                "that it is solved, or reopen it:",
                number=number,
                subject=subject,
            )
        elif event == "done_complaint":
            status = _("Done")
            time = fields.Datetime.now()
            text = _(
                "The work on your complaint %(number)s is done: we will call you "
                "back to hear whether you are satisfied.",
                number=number,
            )
        elif event == "closed":
            status = _("Closed")
            time = fields.Datetime.now()
            text = _(
                "Your request %(number)s is closed. Thank you for your trust.",
                number=number,
            )
        else:
            status = self.stage_id.with_env(env).name
            time = fields.Datetime.now()
            text = _(
                "Your request %(number)s: %(subject)s is now %(stage)s.",
                number=number,
                subject=subject,
                stage=status,
            )
        values = {
            "number": number,
            "subject": subject,
            "status": status,
            "time": when(time),
            "project": self.project_id.with_env(env).name,
            "summary": text,
        }
        return text, values, url

    # ------------------------------------------------------------------
    # WECOM: THE ASSIGNEE IS TOLD
    # ------------------------------------------------------------------
    def _ticket_write_hooks(self):
        return [*super()._ticket_write_hooks(), (90, ("user_id",), "_wecom_on_assign")]

    def _wecom_on_assign(self, vals):
        """Write hook: the requests handed to a new person (dispatch, a
        transfer) are sent to them in WeCom after the write."""
        if not vals.get("user_id"):
            return None
        user = self.env["res.users"].browse(vals["user_id"])
        changed = self.filtered(lambda t: t.user_id != user)
        if not changed or user == self.env.user:
            return None
        return changed._wecom_notify_assignee

    def _wecom_notify_assignee(self):
        """A WeCom card for each request's assignee, in their language and
        the project's time zone, with a link to the request, when the
        company has WeCom set up and the person a WeCom user ID."""
        Outbox = self.env["property.wechat.outbox"]
        for ticket in self.sudo():
            user, company = ticket.user_id, ticket.company_id
            if not user.property_wecom_userid or not company._wecom_enabled():
                continue
            env = ticket.with_context(
                lang=user.lang or company.partner_id.lang or "zh_CN"
            ).env
            lines = [ticket.name]
            place = ticket.unit_id.complete_name or ticket.building_id.name
            if place:
                lines.append(place)
            when = ticket.date_appointment_start or ticket.date_promised
            if when:
                lines.append(
                    env._(
                        "By %(time)s",
                        time=format_datetime(
                            env,
                            when,
                            tz=ticket.project_id.tz or "Asia/Shanghai",
                            dt_format="short",
                        ),
                    )
                )
            Outbox._queue_wecom(
                company,
                user,
                env._("Request %(number)s is yours", number=ticket.number),
                "\n".join(lines),
                f"{ticket.get_base_url()}/odoo/property.ticket/{ticket.id}",
            )
