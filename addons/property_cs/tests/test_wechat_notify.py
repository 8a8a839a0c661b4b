# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Owners told in WeChat: every owner mail of a request and every
published notice goes to the bound WeChat of owners who prefer it, as a
customer-service message within 48 hours of their last message and as the
account's template message after; staff get their new requests in
WeCom."""

import time
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GROUP, PropertyCsCommon
from .test_wechat_callback import WechatCase
from .wechat_fake_server import FakeWechat


@tagged("post_install", "-at_install")
class TestWechatNotify(WechatCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineering = cls.env.ref("property_cs.property_department_engineering")
        cls.technician = new_test_user(
            cls.env, login="pcs_wx_technician", groups=GROUP % "department"
        )
        cls.engineering.member_ids = [Command.link(cls.technician.id)]
        cls.technician.property_project_ids = [Command.link(cls.project_a.id)]
        cls.supervisor = cls.users["supervisor"]

    def setUp(self):
        super().setUp()
        self._start_platform()
        self.Binding = self.env["property.wechat.binding"]

    def _bind(self, partner, openid):
        _binding, code = self.Binding._portal_new_code(partner, self.account)
        self._write(openid, f"绑定 {code}", f"bind-{openid}")

    def _age_messages(self, openid):
        """The owner's last message is three days old: the 48 hours are over."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE property_wechat_message SET create_date = create_date - "
            "interval '3 days' WHERE openid = %s",
            (openid,),
        )
        self.env.invalidate_all()

    def _templates(self):
        self.account.write(
            {
                "template_ticket_code": "tmpl-progress",
                "template_notice_code": "tmpl-notice",
                "template_field_ids": [
                    Command.create({"purpose": "ticket", "key": k, "value": v})
                    for k, v in (
                        ("character_string1", "number"),
                        ("thing2", "subject"),
                        ("phrase3", "status"),
                        ("time4", "time"),
                    )
                ]
                + [
                    Command.create({"purpose": "notice", "key": k, "value": v})
                    for k, v in (("thing1", "title"), ("time2", "time"))
                ],
            }
        )

    def _ticket(self, user=None, **vals):
        values = {
            "name": "卫生间天花板渗水，楼上装修后出现的，麻烦尽快安排师傅",
            "unit_id": self.unit_a1.id,
            "partner_id": self.owner_a.id,
            "channel": "phone",
        }
        values.update(vals)
        ticket = (
            self.env_tracking["property.ticket"]
            .with_user(user or self.agent)
            .create(values)
        )
        self.flush_tracking()
        return ticket.with_env(self.env_tracking)

    def _queued(self, ticket):
        return self.Outbox.search([("ticket_id", "=", ticket.id)], order="id")

    def test_progress_in_window_then_template(self):
        self._bind(self.owner_a, "wx-owner-a")
        ticket = self._ticket()
        received = self._queued(ticket)
        self.assertEqual(len(received), 1, "the received mail, in WeChat too")
        self.assertEqual(received.purpose, "ticket")
        self.assertEqual(received.openid, "wx-owner-a")
        self.assertIn(ticket.number, received.body)
        self.Outbox._cron_send()
        self.assertEqual((received.state, received.sent_as), ("sent", "text"))
        content = self.fake.sent()[-1][2]["text"]["content"]
        self.assertIn(ticket.number, content)
        self.assertIn(f"/my/tickets/{ticket.id}", content, "the link to follow it")
        # three days later the owner has not written: no template set up,
        # the message fails visibly with what to do
        self._age_messages("wx-owner-a")
        ticket.action_assign(self.engineering, self.technician)
        self.flush_tracking()
        assigned = self._queued(ticket) - received
        self.assertEqual(len(assigned), 1)
        self.Outbox._cron_send()
        self.assertEqual(assigned.state, "failed")
        self.assertIn("template", assigned.error)
        # with the account's template: sent as a template message, each
        # keyword cut to the platform's limit for its kind
        self._templates()
        assigned.action_retry()
        self.Outbox._cron_send()
        self.assertEqual((assigned.state, assigned.sent_as), ("sent", "template"))
        payload = self.fake.templates_sent()[-1][2]
        self.assertEqual(payload["touser"], "wx-owner-a")
        self.assertEqual(payload["template_id"], "tmpl-progress")
        data = payload["data"]
        self.assertEqual(data["character_string1"]["value"], ticket.number)
        self.assertEqual(len(data["thing2"]["value"]), 20)
        self.assertTrue(data["thing2"]["value"].endswith("…"))
        self.assertLessEqual(len(data["phrase3"]["value"]), 5)
        self.assertTrue(data["time4"]["value"])
        self.assertIn(f"/my/tickets/{ticket.id}", payload["url"])
        # a broken promise: the new time and the reason
        ticket.with_user(self.supervisor)._record_broken_promise(
            "非常抱歉",
            "配件缺货",
            "明天上午更换",
            fields.Datetime.now() + timedelta(days=1),
        )
        broken = self._queued(ticket)[-1]
        self.assertIn("配件缺货", broken.body)
        # on the way, done: the confirm link of the done mail, the same one
        ticket.with_user(self.technician).action_on_the_way()
        self.assertIn("on the way", self._queued(ticket)[-1].body)
        ticket.with_user(self.technician).action_done()
        self.flush_tracking()
        done = self._queued(ticket)[-1]
        self.assertIn("/answer/", done.url)
        done_mail = ticket.message_ids.filtered(
            lambda m: "please confirm" in (m.subject or "")
        )
        self.assertIn(done.url, done_mail.body, "one link: the mail's still works")
        self.Outbox._cron_send()
        self.assertEqual(done.state, "sent")
        self.assertEqual(self.fake.templates_sent()[-1][2]["url"], done.url)

    def test_who_is_told(self):
        self._bind(self.owner_a, "wx-owner-a")
        # an owner who prefers email: mail only
        self.owner_a.preferred_channel = "email"
        self.assertFalse(self._queued(self._ticket()))
        self.owner_a.preferred_channel = "wechat"
        self.assertEqual(len(self._queued(self._ticket())), 1)
        # history brought in by Odoo's import: nobody is told again
        imported = (
            self.env_tracking["property.ticket"]
            .with_context(import_file=True)
            .create(
                {
                    "name": "旧工单",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                }
            )
        )
        self.flush_tracking()
        self.assertFalse(self._queued(imported))
        # an owner without a bound WeChat: mail only
        owner_b_ticket = self._ticket(
            user=self.env.user, unit_id=self.unit_b1.id, partner_id=self.owner_b.id
        )
        self.assertFalse(self._queued(owner_b_ticket))
        # unbound: no longer told in WeChat
        self.Binding.search([("partner_id", "=", self.owner_a.id)]).action_unbind()
        self.assertFalse(self._queued(self._ticket()))
        # a request received by WeChat is acknowledged once, by the intake
        self.account.append_hours = 0  # a new request, not added to the last
        self._bind(self.owner_a, "wx-owner-a2")
        self._write("wx-owner-a2", "电梯按钮失灵", "w1")
        message = self.Message.search([("msg_id", "=", "w1")])
        self.flush_tracking()
        self.assertEqual(len(self._queued(message.ticket_id)), 1)

    def test_notice_announced(self):
        self._bind(self.owner_a, "wx-owner-a")
        self._age_messages("wx-owner-a")
        self._templates()
        today = fields.Date.context_today(self.env.user)
        notice = self.env["property.notice"].create(
            {
                "name": "二次供水水箱清洗停水通知",
                "project_id": self.project_a.id,
                "category_id": self.env.ref(
                    "property_cs.property_notice_category_service_fees"
                ).id,
                "body": "<p>本周六 9:00-15:00 清洗水箱，请提前储水。</p>",
                "date_from": today,
                "date_until": today + timedelta(days=30),
            }
        )
        notice.with_user(self.users["supervisor"]).action_publish()
        queued = self.Outbox.search([("purpose", "=", "notice")])
        self.assertEqual(queued.partner_id, self.owner_a, "bound audience only")
        self.assertIn("清洗水箱", queued.body)
        self.assertIn(f"/my/notices/{notice.id}", queued.url)
        self.Outbox._cron_send()
        self.assertEqual((queued.state, queued.sent_as), ("sent", "template"))
        payload = self.fake.templates_sent()[-1][2]
        self.assertEqual(payload["template_id"], "tmpl-notice")
        self.assertEqual(payload["data"]["thing1"]["value"], "二次供水水箱清洗停水通知")

    def test_several_requests_at_once(self):
        """A technician sets off for two requests at once: each owner is
        told of their own."""
        self._bind(self.owner_a, "wx-owner-a")
        first, second = self._ticket(), self._ticket(name="阳台下水堵塞")
        (first | second).action_assign(self.engineering, self.technician)
        self.flush_tracking()
        (first | second).with_user(self.technician).action_on_the_way()
        for ticket in first | second:
            last = self._queued(ticket)[-1]
            self.assertIn("on the way", last.body)
            self.assertIn(ticket.number, last.body)

    def test_template_keywords_only_for_administrators(self):
        self._templates()
        field = self.account.template_field_ids.filtered(
            lambda f: f.purpose == "ticket"
        )[:1]
        self.assertEqual(field.with_user(self.agent).value, "number")
        with self.assertRaises(AccessError):
            field.with_user(self.agent).write({"value": "subject"})
        with self.assertRaises(AccessError):
            self.env["property.wechat.template.field"].with_user(self.agent).create(
                {"account_id": self.account.id, "key": "thing9", "value": "title"}
            )


@tagged("post_install", "-at_install")
class TestWechatMedia(WechatCase):
    def _media_message(self, msg_type, media_id, msg_id):
        extra = (
            "<PicUrl><![CDATA[http://mmbiz.example/p.jpg]]></PicUrl>"
            if msg_type == "image"
            else "<Format><![CDATA[amr]]></Format>"
        )
        xml = (
            "<xml><ToUserName><![CDATA[gh]]></ToUserName>"
            "<FromUserName><![CDATA[wx-owner-a]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime>"
            f"<MsgType><![CDATA[{msg_type}]]></MsgType>{extra}"
            f"<MediaId><![CDATA[{media_id}]]></MediaId><MsgId>{msg_id}</MsgId></xml>"
        )
        params, body = self._safe(xml)
        self.assertEqual(self._call(params, body), (200, "success"))
        self.Message._cron_process()
        return self.Message.search([("msg_id", "=", msg_id)])

    def test_photo_and_voice_attached(self):
        self._start_platform()
        Binding = self.env["property.wechat.binding"]
        _binding, code = Binding._portal_new_code(self.owner_a, self.account)
        self._write("wx-owner-a", f"绑定 {code}", "bind-a")
        self.fake.media = {
            "photo-1": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
            "voice-1": (b"#!AMR\n" + b"\0" * 64, "audio/amr"),
            "exe-1": (b"MZ\x90\x00" + b"\0" * 64, "image/jpeg"),
        }
        photo = self._media_message("image", "photo-1", "m1")
        self.assertEqual(photo.media_state, "pending", "fetched after the request")
        voice = self._media_message("voice", "voice-1", "m2")
        self.assertEqual(voice.ticket_id, photo.ticket_id, "the same open request")
        fake_file = self._media_message("image", "exe-1", "m3")
        expired = self._media_message("image", "gone-1", "m4")
        self.Message._cron_fetch_media()
        self.assertEqual(photo.media_state, "fetched")
        self.assertEqual(photo.attachment_id.mimetype, "image/png")
        self.assertEqual(
            (photo.attachment_id.res_model, photo.attachment_id.res_id),
            ("property.ticket", photo.ticket_id.id),
        )
        self.assertEqual(voice.attachment_id.mimetype, "audio/amr")
        posted = photo.ticket_id.message_ids.filtered("attachment_ids")
        self.assertEqual(posted.author_id, self.owner_a)
        # the upload policy refuses what is not a photo; an expired file
        # fails at once, with the platform's reason
        self.assertEqual(fake_file.media_state, "failed")
        self.assertIn("not a photo", fake_file.media_error)
        self.assertFalse(fake_file.attachment_id)
        self.assertEqual(expired.media_state, "failed")
        self.assertIn("40007", expired.media_error)
        # the platform out of reach: tried again, three times in all
        self.account.api_base_url = "http://127.0.0.1:9"
        late = self._media_message("image", "photo-1", "m5")
        for _run in range(3):
            self.Message._cron_fetch_media()
        self.assertEqual((late.media_state, late.media_attempts), ("failed", 3))


@tagged("post_install", "-at_install")
class TestWecomDispatch(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineering = cls.env.ref("property_cs.property_department_engineering")
        cls.technician, cls.technician_2 = (
            new_test_user(cls.env, login=f"pcs_wc_tech{i}", groups=GROUP % "department")
            for i in (1, 2)
        )
        cls.engineering.member_ids = [
            Command.link(cls.technician.id),
            Command.link(cls.technician_2.id),
        ]
        (cls.technician | cls.technician_2).property_project_ids = [
            Command.link(cls.project_a.id)
        ]

    def test_dispatch_in_wecom(self):
        fake = FakeWechat("wx49f0ab532d5d035a", "corp-secret")
        fake.__enter__()
        self.addCleanup(fake.__exit__)
        self.env.company.sudo().write(
            {
                "property_wecom_corp_id": "wx49f0ab532d5d035a",
                "property_wecom_agent_id": "1000002",
                "property_wecom_secret": "corp-secret",
                "property_wecom_api_base_url": fake.url,
            }
        )
        self.technician.property_wecom_userid = "lishifu"
        Outbox = self.env["property.wechat.outbox"]
        ticket = self.env["property.ticket"].create(
            {"name": "电梯异响", "unit_id": self.unit_a1.id}
        )
        ticket.with_user(self.agent).action_assign(self.engineering, self.technician)
        card = Outbox.search([("channel", "=", "wecom")])
        self.assertEqual(card.wecom_userid, "lishifu")
        self.assertIn(ticket.number, card.title)
        self.assertIn("电梯异响", card.body)
        self.assertIn(f"/odoo/property.ticket/{ticket.id}", card.url)
        Outbox._cron_send()
        self.assertEqual(card.state, "sent")
        self.assertEqual(fake.wecom_sent()[-1][2]["touser"], "lishifu")
        # a transfer to someone without a WeCom user ID: Odoo only
        ticket.with_user(self.agent).action_assign(
            self.engineering, self.technician_2, reason="换人"
        )
        self.assertEqual(Outbox.search_count([("channel", "=", "wecom")]), 1)
