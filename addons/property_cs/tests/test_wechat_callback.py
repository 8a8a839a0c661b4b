# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Official Account's server URL: the handshake and the three message
modes with valid and hostile payloads, built from the platform's
published description and examples."""

import time
from urllib.parse import urlencode

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import wechat_crypto as crypto
from .common import PropertyCsCommon
from .wechat_fake_server import FakeWechat

TOKEN = "pamtest"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wxb11529c136998cb6"
TEXT = (
    "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>"
    "<FromUserName><![CDATA[oia2Tj-owner-one]]></FromUserName>"
    "<CreateTime>{ts}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
    "<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
)


@tagged("post_install", "-at_install")
class TestWechatCrypto(PropertyCsCommon):
    """The platform's own examples (WeCom's published sample: token
    123456, CorpID wx49f0ab532d5d035a) and our own vectors."""

    KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
    CORP = "wx49f0ab532d5d035a"
    ENCRYPTED = (
        "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mC"
        "Patfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z"
        "1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh"
        "1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH"
        "/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749z"
        "CpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0="
    )

    def test_specification_examples(self):
        self.assertEqual(
            crypto.signature("123456", "1411525903", "461056294", self.ENCRYPTED),
            "74d92dfeb87ba7c714f89d98870ae5eb62dff26d",
        )
        cipher = crypto.WeChatCrypto("123456", self.KEY, self.CORP)
        values = crypto.parse_xml(cipher.decrypt(self.ENCRYPTED))
        self.assertEqual(values["Content"], "test")
        self.assertEqual(values["FromUserName"], "messense")
        echo = (
            "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7"
            "hOchLF6p+Q=="
        )
        self.assertEqual(
            crypto.signature("123456", "1411443780", "437374425", echo),
            "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96",
        )
        self.assertEqual(cipher.decrypt(echo), "5927782489442352469")
        reply = (
            "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n"
            "<Content><![CDATA[test]]></Content>\n"
            "<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n"
            "<ToUserName><![CDATA[messense]]></ToUserName>\n"
            "<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>"
        )
        envelope = cipher.encrypt_reply(
            reply, "1411525903", "461056294", random16=b"1234567890123456"
        )
        self.assertIn("9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsG", envelope)
        self.assertIn("407518b7649e86ef23978113f92d27afa9296533", envelope)

    def test_own_vectors_and_refusals(self):
        cipher = crypto.WeChatCrypto(TOKEN, AES_KEY, APP_ID)
        text = "<xml><Content><![CDATA[楼道灯不亮]]></Content></xml>"
        encrypted = cipher.encrypt(text, random16=b"0123456789abcdef")
        self.assertEqual(cipher.encrypt(text, random16=b"0123456789abcdef"), encrypted)
        self.assertEqual(cipher.decrypt(encrypted), text)
        other = crypto.WeChatCrypto(TOKEN, AES_KEY, "wx0000000000000000")
        with self.assertRaises(crypto.AppIdError):
            other.decrypt(encrypted)
        for bad in ("not base64!", "QUJD", encrypted[:-8] + "AAAAAAA="):
            with self.assertRaises(crypto.PayloadError):
                cipher.decrypt(bad)
        with self.assertRaises(ValueError):
            crypto.aes_key("short")
        with self.assertRaises(crypto.TooLargeError):
            crypto.parse_xml(b"<xml>" + b"a" * crypto.MAX_BODY + b"</xml>")
        for hostile in (
            b"<xml><Content>unclosed</xml>",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<xml><Content>&e;</Content></xml>",
            b"<html><Content>x</Content></html>",
        ):
            with self.assertRaises(crypto.PayloadError):
                crypto.parse_xml(hostile)


class WechatCase(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls.env["property.wechat.account"].create(
            {
                "name": "阳光花园物业服务",
                "app_id": APP_ID,
                "app_secret": "s3cr3t-app-secret",
                "token": TOKEN,
                "encoding_aes_key": AES_KEY,
                "message_mode": "safe",
            }
        )
        cls.key = cls.account.route_key
        cls.Message = cls.env["property.wechat.message"]
        cls.cipher = crypto.WeChatCrypto(TOKEN, AES_KEY, APP_ID)
        cls.counter = 0

    def _params(self, extra_parts=(), ts=None, nonce=None):
        type(self).counter += 1
        ts = str(ts or int(time.time()))
        nonce = nonce or f"n{self.counter}"
        params = {
            "timestamp": ts,
            "nonce": nonce,
            "signature": crypto.signature(TOKEN, ts, nonce),
        }
        if extra_parts:
            params["msg_signature"] = crypto.signature(TOKEN, ts, nonce, *extra_parts)
            params["encrypt_type"] = "aes"
        return params

    def _text(self, content="楼道灯不亮", msg_id="1001"):
        return TEXT.format(ts=int(time.time()), content=content, msg_id=msg_id)

    def _safe(self, xml, tamper=None):
        encrypted = self.cipher.encrypt(xml)
        params = self._params((encrypted,))
        if tamper:
            tamper(params)
        body = (
            f"<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>"
            f"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
        )
        return params, body.encode()

    def _call(self, params, body=b"", method="POST", key=None):
        return self.env["property.wechat.account"]._wechat_callback(
            key or self.key, method, params, body
        )

    def _write(self, openid, content, msg_id=None):
        """``openid`` sends ``content`` in safe mode; the message is handled.
        Returns the stored message."""
        if not msg_id:
            type(self).counter += 1
            msg_id = f"w{self.counter}"
        xml = TEXT.format(ts=int(time.time()), content=content, msg_id=msg_id).replace(
            "oia2Tj-owner-one", openid
        )
        params, body = self._safe(xml)
        self.assertEqual(self._call(params, body), (200, "success"))
        self.Message._cron_process()
        return self.Message.search([("msg_id", "=", msg_id)])

    def _start_platform(self):
        """A fake platform on 127.0.0.1 that the account talks to."""
        self.fake = FakeWechat(APP_ID, "s3cr3t-app-secret")
        self.fake.__enter__()
        self.addCleanup(self.fake.__exit__)
        self.account.api_base_url = self.fake.url
        self.account.intake_project_id = self.project_a
        self.Outbox = self.env["property.wechat.outbox"]


@tagged("post_install", "-at_install")
class TestWechatCallback(WechatCase):
    def test_handshake(self):
        params = dict(self._params(), echostr="5927782489442352469")
        self.assertEqual(self._call(params, method="GET"), (200, "5927782489442352469"))
        # the same request again is a replay
        self.assertEqual(self._call(params, method="GET")[0], 403)
        bad = dict(self._params(), echostr="1")
        bad["signature"] = "0" * 40
        self.assertEqual(self._call(bad, method="GET")[0], 403)
        stale = dict(self._params(ts=int(time.time()) - 3600), echostr="1")
        self.assertEqual(self._call(stale, method="GET")[0], 403)
        self.assertEqual(
            self._call(dict(self._params()), method="GET", key="nope")[0], 404
        )

    def test_safe_mode(self):
        params, body = self._safe(self._text(msg_id="2001"))
        self.assertEqual(self._call(params, body), (200, "success"))
        message = self.Message.search([("msg_id", "=", "2001")])
        self.assertEqual(message.content, "楼道灯不亮")
        self.assertEqual(message.openid, "oia2Tj-owner-one")
        self.assertEqual(message.msg_type, "text")
        self.assertEqual(message.account_id, self.account)
        # the platform delivers it again (new nonce, same MsgId): one record
        params, body = self._safe(self._text(msg_id="2001"))
        self.assertEqual(self._call(params, body), (200, "success"))
        self.assertEqual(self.Message.search_count([("msg_id", "=", "2001")]), 1)

    def test_safe_mode_hostile(self):
        count = self.Message.search_count([])

        def wrong_signature(params):
            params["msg_signature"] = crypto.signature("other", "1", "2")

        cases = [
            (self._safe(self._text(msg_id="3001"), wrong_signature), 403),
            # plaintext in safe mode
            ((self._params(), self._text(msg_id="3002").encode()), 400),
            ((self._params(), b"<xml><Encrypt>broken"), 400),
            ((self._params(), b"<xml>" + b"x" * (crypto.MAX_BODY + 1)), 413),
        ]
        # made for another account
        other = crypto.WeChatCrypto(TOKEN, AES_KEY, "wx0000000000000000")
        encrypted = other.encrypt(self._text(msg_id="3003"))
        body = f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>".encode()
        cases.append(((self._params((encrypted,)), body), 403))
        # replayed: the same signed request twice
        params, body = self._safe(self._text(msg_id="3004"))
        self.assertEqual(self._call(params, body)[0], 200)
        count += 1
        cases.append(((params, body), 403))
        # too old
        encrypted = self.cipher.encrypt(self._text(msg_id="3005"))
        old = self._params((encrypted,), ts=int(time.time()) - 1000)
        body = f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>".encode()
        cases.append(((old, body), 403))
        for (params, body), status in cases:
            self.assertEqual(self._call(params, body)[0], status, body[:60])
        self.assertEqual(self.Message.search_count([]), count)

    def test_plain_and_compatible_modes(self):
        self.account.message_mode = "plain"
        self.assertEqual(
            self._call(self._params(), self._text(msg_id="4001").encode()),
            (200, "success"),
        )
        bad = self._params()
        bad["signature"] = crypto.signature("x", "y", "z")
        self.assertEqual(self._call(bad, self._text(msg_id="4002").encode())[0], 403)
        self.account.message_mode = "compatible"
        # compatible: the encrypted part is what counts
        xml = self._text(msg_id="4003")
        encrypted = self.cipher.encrypt(xml)
        body = xml.replace(
            "</xml>", f"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
        )
        self.assertEqual(
            self._call(self._params((encrypted,)), body.encode()), (200, "success")
        )
        self.assertEqual(
            self._call(self._params(), self._text(msg_id="4004").encode()),
            (200, "success"),
        )
        self.assertEqual(
            sorted(self.Message.search([("msg_id", "like", "400")]).mapped("msg_id")),
            ["4001", "4003", "4004"],
        )


@tagged("post_install", "-at_install")
class TestWechatAccountAccess(WechatCase):
    def test_secrets_only_for_administrators(self):
        """Staff read the account, never its AppSecret, Token, key or URL
        (over RPC as in views); administrators do."""
        admin = new_test_user(
            self.env,
            login="pcs_wechat_admin",
            groups="base.group_user,property_cs.group_property_cs_admin",
        )
        for user in (self.agent, self.manager, self.users["head_office"]):
            account = self.account.with_user(user)
            self.assertEqual(account.name, "阳光花园物业服务")
            for secret in (
                "app_secret",
                "token",
                "encoding_aes_key",
                "callback_url",
                "access_token",
                "api_base_url",
            ):
                with self.assertRaises(AccessError):
                    account.read([secret])
            with self.assertRaises(AccessError):
                account.write({"name": "x"})
            with self.assertRaises(AccessError):
                self.env["property.wechat.message"].with_user(user).create(
                    {"account_id": self.account.id, "msg_id": "x"}
                )
        mine = self.account.with_user(admin)
        self.assertEqual(mine.app_secret, "s3cr3t-app-secret")
        self.assertIn(f"/property/wechat/{self.key}", mine.callback_url)
        portal = self.portal_owner
        with self.assertRaises(AccessError):
            self.account.with_user(portal).read(["name"])


@tagged("post_install", "-at_install")
class TestWechatHttp(WechatCase, HttpCase):
    def test_over_http(self):
        url = f"/property/wechat/{self.key}"
        params = dict(self._params(), echostr="hello")
        response = self.url_open(f"{url}?{urlencode(params)}")
        self.assertEqual((response.status_code, response.text), (200, "hello"))
        params, body = self._safe(self._text(content="电梯异响", msg_id="5001"))
        response = self.url_open(
            f"{url}?{urlencode(params)}",
            data=body,
            headers={"Content-Type": "text/xml"},
        )
        self.assertEqual((response.status_code, response.text), (200, "success"))
        self.assertTrue(self.Message.search([("msg_id", "=", "5001")]))
        response = self.url_open(
            f"{url}?{urlencode(self._params())}",
            data=b"<xml>" + b"x" * (crypto.MAX_BODY + 10) + b"</xml>",
            headers={"Content-Type": "text/xml"},
        )
        self.assertEqual(response.status_code, 413)
        response = self.url_open(
            f"/property/wechat/unknown?{urlencode(self._params())}"
        )
        self.assertEqual(response.status_code, 404)


@tagged("post_install", "-at_install")
class TestWechatBinding(WechatCase):
    def _send(self, content, openid="oia2Tj-owner-one"):
        return self._write(openid, content)

    def test_bind_and_unbind_by_message(self):
        Binding = self.env["property.wechat.binding"]
        binding, code = Binding._portal_new_code(self.owner_a, self.account)
        self.assertRegex(code, r"^\d{6}$")
        self.assertEqual(binding.state, "pending")
        message = self._send(f"绑定 {code}")
        self.assertEqual(message.state, "done")
        self.assertEqual(binding.state, "bound")
        self.assertEqual(binding.openid, "oia2Tj-owner-one")
        self.assertEqual(
            Binding._partner_of(self.account, "oia2Tj-owner-one"), self.owner_a
        )
        # a code is good once
        self._send(f"绑定 {code}", openid="someone-else")
        self.assertFalse(Binding._partner_of(self.account, "someone-else"))
        # an ordinary message is the bound owner's request
        request = self._send("楼上漏水")
        self.assertEqual(request.state, "done")
        self.assertEqual(request.ticket_id.partner_id, self.owner_a)
        self._send("解绑")
        self.assertEqual(binding.state, "unbound")
        self.assertFalse(Binding._partner_of(self.account, "oia2Tj-owner-one"))

    def test_expired_or_wrong_code_binds_nothing(self):
        Binding = self.env["property.wechat.binding"]
        binding, code = Binding._portal_new_code(self.owner_a, self.account)
        binding.date_code_expiry = "2020-01-01 00:00:00"
        self._send(f"绑定 {code}")
        self._send("绑定 000000" if code != "000000" else "绑定 111111")
        self.assertEqual(binding.state, "pending")
        self.assertFalse(Binding._partner_of(self.account, "oia2Tj-owner-one"))

    def test_guessing_codes_is_stopped(self):
        """After five bind commands in an hour a sender's further codes are
        ignored, even a right one."""
        Binding = self.env["property.wechat.binding"]
        binding, code = Binding._portal_new_code(self.owner_a, self.account)
        wrong = "000000" if code != "000000" else "111111"
        for _try in range(5):
            self._send(f"绑定 {wrong}", openid="guesser")
        self._send(f"绑定 {code}", openid="guesser")
        self.assertEqual(binding.state, "pending")
        self.assertFalse(Binding._partner_of(self.account, "guesser"))
        # the owner, from their own WeChat, still binds
        self._send(f"绑定 {code}")
        self.assertEqual(binding.state, "bound")

    def test_one_owner_per_wechat(self):
        """The same WeChat bound by another owner is the other owner's."""
        Binding = self.env["property.wechat.binding"]
        first, code = Binding._portal_new_code(self.owner_a, self.account)
        self._send(f"绑定 {code}")
        second, code = Binding._portal_new_code(self.tenant_a, self.account)
        self._send(f"绑定 {code}")
        self.assertEqual(first.state, "unbound")
        self.assertEqual(second.state, "bound")
        self.assertEqual(
            Binding._partner_of(self.account, "oia2Tj-owner-one"), self.tenant_a
        )

    def test_only_accounts_of_the_owners_projects(self):
        Binding = self.env["property.wechat.binding"]
        self.assertIn(self.account, Binding._portal_accounts(self.owner_a))
        self.account.project_ids = self.project_b
        self.assertNotIn(self.account, Binding._portal_accounts(self.owner_a))
        with self.assertRaises(UserError):
            Binding._portal_new_code(self.owner_a, self.account)
        # nobody unbinds someone else's binding; portal users read none
        binding = Binding.sudo().create(
            {"account_id": self.account.id, "partner_id": self.owner_b.id}
        )
        with self.assertRaises(UserError):
            Binding._portal_unbind(self.owner_a, binding.id)
        with self.assertRaises(AccessError):
            Binding.with_user(self.portal_owner).search([])
        with self.assertRaises(AccessError):
            binding.with_user(self.agent).action_unbind()


@tagged("post_install", "-at_install")
class TestWechatBindingPortal(WechatCase, HttpCase):
    def test_portal_binding_page(self):
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        page = self.url_open("/my/wechat")
        self.assertEqual(page.status_code, 200)
        self.assertIn("阳光花园物业服务", page.text)
        self.assertNotIn("o_property_wechat_bound", page.text)
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        page = self.url_open(
            "/my/wechat/code", data={"csrf_token": token, "account_id": self.account.id}
        )
        self.assertEqual(page.status_code, 200)
        binding = self.env["property.wechat.binding"].search(
            [("partner_id", "=", self.owner_a.id), ("state", "=", "pending")]
        )
        self.assertIn(f"绑定 {binding.sudo().code}", page.text)
        binding.sudo().write(
            {"state": "bound", "openid": "oia2Tj-owner-one", "date_bound": "2026-12-01"}
        )
        page = self.url_open("/my/wechat")
        self.assertIn("o_property_wechat_bound", page.text)
        self.url_open(
            "/my/wechat/unbind", data={"csrf_token": token, "binding_id": binding.id}
        )
        self.assertEqual(binding.state, "unbound")
        self.assertTrue(
            any(self.owner_a.name in str(m.body) for m in binding.message_ids)
        )
        # the owner chooses how they are told; staff see it on their file
        self.url_open(
            "/my/wechat/channel", data={"csrf_token": token, "channel": "sms"}
        )
        self.assertEqual(self.owner_a.preferred_channel, "sms")
        self.assertIn("SMS", str(self.owner_a.message_ids[:1].body))
        # a channel not offered changes nothing (over RPC-like posting too)
        self.url_open(
            "/my/wechat/channel", data={"csrf_token": token, "channel": "visit"}
        )
        self.assertEqual(self.owner_a.preferred_channel, "sms")
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.portal_owner).write(
                {"preferred_channel": "email"}
            )


@tagged("post_install", "-at_install")
class TestWechatTour(HttpCase):
    """The demo owner (owner1, in Chinese) unbinds their WeChat and asks
    for a new code in the portal."""

    def test_owner_binding_tour(self):
        binding = self.env.ref(
            "property_cs.demo_wechat_binding_owner1", raise_if_not_found=False
        )
        if not binding:
            self.skipTest("demo data not loaded")
        self.start_tour("/my", "property_cs_wechat_binding_tour", login="owner1")
        self.assertEqual(binding.partner_id.preferred_channel, "sms")
        self.assertEqual(binding.state, "unbound")
        pending = self.env["property.wechat.binding"].search(
            [("partner_id", "=", binding.partner_id.id), ("state", "=", "pending")]
        )
        self.assertEqual(len(pending), 1)
        self.assertRegex(pending.sudo().code, r"^\d{6}$")


@tagged("post_install", "-at_install")
class TestWechatToTicket(WechatCase):
    def _deliver(self, xml):
        params, body = self._safe(xml)
        self.assertEqual(self._call(params, body), (200, "success"))
        self.Message._cron_process()

    def _text_from(self, openid, content, msg_id):
        return TEXT.format(ts=int(time.time()), content=content, msg_id=msg_id).replace(
            "oia2Tj-owner-one", openid
        )

    def test_bound_owner_request_and_follow_up(self):
        Binding = self.env["property.wechat.binding"]
        _binding, code = Binding._portal_new_code(self.owner_a, self.account)
        self._deliver(self._text_from("oia2Tj-owner-one", f"绑定 {code}", "t1"))
        self._deliver(
            self._text_from("oia2Tj-owner-one", "厨房水管漏水，请派人来看看", "t2")
        )
        message = self.Message.search([("msg_id", "=", "t2")])
        ticket = message.ticket_id
        self.assertEqual(message.state, "done")
        self.assertEqual(message.partner_id, self.owner_a)
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.unit_id, self.unit_a1)
        self.assertEqual(ticket.channel, "messaging")
        self.assertFalse(ticket.is_sender_unverified)
        self.assertIn("厨房水管漏水", ticket.name)
        # the next message joins the open request
        self._deliver(self._text_from("oia2Tj-owner-one", "下午两点后家里有人", "t3"))
        follow = self.Message.search([("msg_id", "=", "t3")])
        self.assertEqual(follow.ticket_id, ticket)
        self.assertIn(
            "下午两点后家里有人",
            " ".join(str(b) for b in ticket.message_ids.mapped("body")),
        )
        # outside the window, a new request
        self.account.append_hours = 0
        self._deliver(self._text_from("oia2Tj-owner-one", "楼道灯不亮", "t4"))
        self.assertNotEqual(
            self.Message.search([("msg_id", "=", "t4")]).ticket_id, ticket
        )

    def test_unbound_sender_unverified(self):
        # a company-wide account without a project for unknown senders
        self._deliver(self._text_from("stranger", "小区门口有积水", "u1"))
        failed = self.Message.search([("msg_id", "=", "u1")])
        self.assertEqual(failed.state, "failed")
        self.assertIn("unknown senders", failed.error)
        self.assertFalse(failed.ticket_id)
        self.account.intake_project_id = self.project_a
        self._deliver(self._text_from("stranger", "小区门口有积水", "u2"))
        ticket = self.Message.search([("msg_id", "=", "u2")]).ticket_id
        self.assertTrue(ticket.is_sender_unverified)
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.project_id, self.project_a)

    def test_events_voice_and_photo(self):
        self.account.intake_project_id = self.project_a
        ts = int(time.time())
        subscribe = (
            "<xml><ToUserName><![CDATA[gh]]></ToUserName>"
            "<FromUserName><![CDATA[stranger]]></FromUserName>"
            f"<CreateTime>{ts}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            "<Event><![CDATA[subscribe]]></Event></xml>"
        )
        self._deliver(subscribe)
        event = self.Message.search(
            [("event", "=", "subscribe"), ("openid", "=", "stranger")]
        )
        self.assertEqual((event.state, event.ticket_id.id), ("done", False))
        voice = (
            "<xml><ToUserName><![CDATA[gh]]></ToUserName>"
            "<FromUserName><![CDATA[stranger]]></FromUserName>"
            f"<CreateTime>{ts}</CreateTime><MsgType><![CDATA[voice]]></MsgType>"
            "<MediaId><![CDATA[media-1]]></MediaId><Format><![CDATA[amr]]></Format>"
            "<Recognition><![CDATA[电梯困人了]]></Recognition><MsgId>v1</MsgId></xml>"
        )
        self._deliver(voice)
        ticket = self.Message.search([("msg_id", "=", "v1")]).ticket_id
        self.assertIn("电梯困人了", ticket.name)
        image = (
            "<xml><ToUserName><![CDATA[gh]]></ToUserName>"
            "<FromUserName><![CDATA[other]]></FromUserName>"
            f"<CreateTime>{ts}</CreateTime><MsgType><![CDATA[image]]></MsgType>"
            "<PicUrl><![CDATA[http://mmbiz.example/pic.jpg]]></PicUrl>"
            "<MediaId><![CDATA[media-2]]></MediaId><MsgId>i1</MsgId></xml>"
        )
        self._deliver(image)
        photo = self.Message.search([("msg_id", "=", "i1")])
        self.assertEqual(photo.media_id, "media-2")
        self.assertIn("http://mmbiz.example/pic.jpg", str(photo.ticket_id.description))


@tagged("post_install", "-at_install")
class TestWechatOutbox(WechatCase):
    def setUp(self):
        super().setUp()
        self._start_platform()

    def test_receipt_with_number_and_token_cached(self):
        Binding = self.env["property.wechat.binding"]
        _binding, code = Binding._portal_new_code(self.owner_a, self.account)
        self._write("oia2Tj-owner-one", f"绑定 {code}", "o1")
        message = self._write("oia2Tj-owner-one", "卫生间漏水", "o2")
        ticket = message.ticket_id
        queued = self.Outbox.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(queued.state, "queued")
        self.assertIn(ticket.number, queued.body)
        self.Outbox._cron_send()
        self.assertEqual(queued.state, "sent")
        (path, query, payload) = self.fake.sent()[-1]
        self.assertEqual(payload["touser"], "oia2Tj-owner-one")
        self.assertIn(ticket.number, payload["text"]["content"])
        self.assertEqual(query["access_token"], "TOKEN-1")
        # a second message uses the cached token
        second = self._write("stranger", "车库灯坏了", "o3")
        self.Outbox._cron_send()
        self.assertEqual(
            self.Outbox.search([("ticket_id", "=", second.ticket_id.id)]).state, "sent"
        )
        self.assertEqual(len(self.fake.token_requests()), 1)
        # a token the platform no longer accepts is fetched again, once
        self.fake.valid_tokens.clear()
        self._write("stranger", "垃圾桶满了", "o4")
        self.Outbox._cron_send()
        self.assertEqual(len(self.fake.token_requests()), 2)
        self.assertEqual(self.fake.sent()[-1][1]["access_token"], "TOKEN-2")
        # and kept for its lifetime, renewed before it expires
        self.account.sudo().date_access_token_expiry = "2020-01-01 00:00:00"
        self.account._wechat_token()
        self.assertEqual(len(self.fake.token_requests()), 3)

    def test_retries_and_visible_failures(self):
        message = self._write("stranger", "门禁坏了", "r1")
        queued = self.Outbox.search([("ticket_id", "=", message.ticket_id.id)])
        # rate limited: kept with a next try and the error shown
        self.fake.errors = [45009]
        self.Outbox._cron_send()
        self.assertEqual(queued.state, "queued")
        self.assertEqual(queued.attempt_count, 1)
        self.assertIn("45009", queued.error)
        self.assertGreater(queued.date_next_try, queued.create_date)
        self.Outbox._cron_send()  # not due yet: not sent again
        self.assertEqual(queued.attempt_count, 1)
        queued.date_next_try = "2020-01-01 00:00:00"
        self.Outbox._cron_send()
        self.assertEqual(queued.state, "sent")
        # an invalid OpenID fails at once, with the reason
        bad = self.Outbox._queue(self.account, "invalid-openid", "测试")
        self.env["property.wechat.message"].sudo().create(
            {"account_id": self.account.id, "openid": "invalid-openid", "msg_id": "x1"}
        )
        self.Outbox._cron_send()
        self.assertEqual(bad.state, "failed")
        self.assertIn("40003", bad.error)
        # beyond 48 hours after the owner's last message: refused, visible
        late = self._write("late-owner", "你好", "l1")
        self.env.cr.execute(
            "UPDATE property_wechat_message SET create_date = now() - interval '3 days'"
            " WHERE openid = 'late-owner'"
        )
        late_out = self.Outbox.search([("ticket_id", "=", late.ticket_id.id)])
        self.Outbox._cron_send()
        self.assertEqual(late_out.state, "failed")
        self.assertIn("48", late_out.error)
        # the platform unreachable: retried with backoff, failed at last
        self.account.api_base_url = "http://127.0.0.1:9"
        down = self.Outbox._queue(self.account, "stranger", "测试")
        for _try in range(5):
            down.date_next_try = "2020-01-01 00:00:00"
            self.Outbox._cron_send()
        self.assertEqual(down.state, "failed")
        self.assertEqual(down.attempt_count, 5)
        down.action_retry()
        self.assertEqual(down.state, "queued")


@tagged("post_install", "-at_install")
class TestWecom(PropertyCsCommon):
    CORP = "wx49f0ab532d5d035a"
    KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"

    def setUp(self):
        super().setUp()
        self.fake = FakeWechat(self.CORP, "corp-secret")
        self.fake.__enter__()
        self.addCleanup(self.fake.__exit__)
        self.company = self.env.company
        self.company.sudo().write(
            {
                "property_wecom_corp_id": self.CORP,
                "property_wecom_agent_id": "1000002",
                "property_wecom_secret": "corp-secret",
                "property_wecom_token": "123456",
                "property_wecom_aes_key": self.KEY,
                "property_wecom_api_base_url": self.fake.url,
            }
        )
        self.Outbox = self.env["property.wechat.outbox"]

    def _fire_warning(self, ticket):
        """Fire the next step of the ticket's first running deadline."""
        deadline = self.env["property.deadline"].search(
            [("ticket_id", "=", ticket.id), ("state", "=", "running")], limit=1
        )
        fired = set(deadline.escalation_ids.mapped("step"))
        step = next(
            s
            for s in ("warning", "supervisor", "manager", "head_office")
            if s not in fired
        )
        return self.env["property.deadline.escalation"].create(
            {
                "deadline_id": deadline.id,
                "step": step,
                "date_deadline": deadline.date_due,
                "date_due": deadline.date_due,
            }
        )

    def test_deadline_step_in_wecom(self):
        self.agent.property_wecom_userid = "zhangsan"
        ticket = self.env["property.ticket"].create(
            {
                "name": "电梯异响",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "user_id": self.agent.id,
            }
        )
        escalation = self._fire_warning(ticket)
        queued = self.Outbox.search([("channel", "=", "wecom")])
        self.assertIn(self.agent, escalation.notified_user_ids)
        self.assertEqual(queued.wecom_userid, "zhangsan")
        self.assertIn(f"/odoo/property.ticket/{ticket.id}", queued.url)
        self.Outbox._cron_send()
        self.assertEqual(queued.state, "sent")
        (_path, query, payload) = self.fake.wecom_sent()[-1]
        self.assertEqual(payload["touser"], "zhangsan")
        self.assertEqual(payload["agentid"], 1000002)
        self.assertIn(ticket.number, payload["textcard"]["title"])
        self.assertEqual(query["access_token"], "TOKEN-1")
        # an expired token is fetched again once
        self.fake.valid_tokens.clear()
        url = queued.url
        again = self.Outbox._queue_wecom(self.company, self.agent, "提醒", "测试", url)
        self.Outbox._cron_send()
        self.assertEqual(again.state, "sent")
        self.assertEqual(self.fake.wecom_sent()[-1][1]["access_token"], "TOKEN-2")
        # someone WeCom does not know: failed with the reason
        self.agent.property_wecom_userid = "nobody"
        unknown = self.Outbox._queue_wecom(
            self.company, self.agent, "提醒", "测试", url
        )
        self.Outbox._cron_send()
        self.assertEqual(unknown.state, "failed")
        self.assertIn("nobody", unknown.error)
        # people told without a WeCom user ID (the supervisor at the next
        # step), or a company without WeCom: Odoo only
        count = self.Outbox.search_count([])
        self._fire_warning(ticket)
        self.assertEqual(self.Outbox.search_count([]), count)
        self.company.sudo().property_wecom_secret = False
        self.assertFalse(
            self.Outbox._queue_wecom(self.company, self.agent, "提醒", "测试", url)
        )

    def test_callback_verification_and_secrets(self):
        # the platform's published example
        cipher = crypto.WeChatCrypto("123456", self.KEY, self.CORP)
        echo = (
            "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7"
            "hOchLF6p+Q=="
        )
        self.assertEqual(cipher.decrypt(echo), "5927782489442352469")
        key = self.company.sudo().property_wecom_route_key
        ts, nonce = str(int(time.time())), "wecom-nonce"
        encrypted = cipher.encrypt("1616140317555161061")
        params = {
            "msg_signature": crypto.signature("123456", ts, nonce, encrypted),
            "timestamp": ts,
            "nonce": nonce,
            "echostr": encrypted,
        }
        Company = self.env["res.company"]
        self.assertEqual(
            Company._wecom_callback(key, "GET", params, b""),
            (200, "1616140317555161061"),
        )
        bad = dict(params, msg_signature="0" * 40)
        self.assertEqual(Company._wecom_callback(key, "GET", bad, b"")[0], 403)
        self.assertEqual(Company._wecom_callback("nope", "GET", params, b"")[0], 404)
        for user in (self.agent, self.manager):
            with self.assertRaises(AccessError):
                self.company.with_user(user).read(["property_wecom_secret"])
