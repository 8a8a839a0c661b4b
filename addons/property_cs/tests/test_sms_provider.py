# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's SMS through a Chinese provider: request signing as Aliyun and
Tencent Cloud document it (their published examples), approved templates
with parameters, delivery reports, opt-out and consent, and the keys kept
from everyone but administrators."""

import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from ..tools import sms_providers
from .common import PropertyCsCommon
from .sms_fake_server import FakeSms

KEY_ID, SECRET, SIGN = "LTAI-test-key", "test-secret-value", "光华园物业"


@tagged("post_install", "-at_install")
class TestSmsSigning(PropertyCsCommon):
    def test_documented_examples(self):
        # Aliyun's example of the RPC signature (SendSms, 2017-05-25)
        params = {
            "AccessKeyId": "testId",
            "Action": "SendSms",
            "Format": "XML",
            "OutId": "123",
            "PhoneNumbers": "15300000001",
            "RegionId": "cn-hangzhou",
            "SignName": "阿里云短信测试专用",
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            "SignatureVersion": "1.0",
            "TemplateCode": "SMS_71390007",
            "TemplateParam": '{"customer":"test"}',
            "Timestamp": "2017-07-12T02:42:19Z",
            "Version": "2017-05-25",
        }
        self.assertEqual(
            sms_providers.aliyun_signature(params, "testSecret"),
            "zJDF+Lrzhj/ThnlvIToysFRq6t4=",
        )
        # Tencent Cloud's example of TC3-HMAC-SHA256 (cvm DescribeInstances)
        payload = json.dumps(
            {"Limit": 1, "Filters": [{"Values": ["未命名"], "Name": "instance-name"}]}
        )
        authorization, canonical_hash = sms_providers.tc3_authorization(
            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
            "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
            "cvm",
            "cvm.tencentcloudapi.com",
            payload,
            1551113065,
        )
        self.assertEqual(
            canonical_hash,
            "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
        )
        self.assertEqual(
            authorization,
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/"
            "2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
            "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
        )
        # mainland mobiles only, written any common way
        self.assertEqual(
            sms_providers.mainland_number("+86 138-0000-0001"), "13800000001"
        )
        self.assertEqual(
            sms_providers.mainland_number("008613800000001"), "13800000001"
        )
        self.assertIsNone(sms_providers.mainland_number("0571-88880000"))
        self.assertIsNone(sms_providers.mainland_number("12800000001"))

    def test_approved_templates(self):
        Template = self.env["property.sms.template"]
        Template.search([]).active = False  # the demo's, when loaded
        Template.create(
            [
                {
                    "name": "报修受理",
                    "code": "SMS_100001",
                    "content": "您的报修${number}已受理，我们将在${time}前处理。",
                },
                {"name": "通用通知", "code": "SMS_100002", "content": "${content}"},
                {
                    "name": "派工（腾讯云）",
                    "code": "1100001",
                    "content": "报修{1}已派给{2}师傅，预计{3}上门。",
                },
            ]
        )
        template, params = Template._match(
            self.company, "您的报修T-0042已受理，我们将在12月4日 18:00前处理。"
        )
        self.assertEqual(template.code, "SMS_100001")
        self.assertEqual(params, {"number": "T-0042", "time": "12月4日 18:00"})
        template, params = Template._match(
            self.company, "报修T-0042已派给李师傅师傅，预计明天上午上门。"
        )
        self.assertEqual(template.code, "1100001")
        self.assertEqual(params, ["T-0042", "李师傅", "明天上午"])
        # anything else: the template that is only a variable
        template, params = Template._match(self.company, "本周六停水，请提前储水。")
        self.assertEqual(
            (template.code, params),
            ("SMS_100002", {"content": "本周六停水，请提前储水。"}),
        )
        Template.search([("code", "=", "SMS_100002")]).active = False
        template, params = Template._match(self.company, "本周六停水，请提前储水。")
        self.assertFalse(template)


class SmsProviderCase(PropertyCsCommon):
    provider = "aliyun"

    def setUp(self):
        super().setUp()
        self.fake = FakeSms(KEY_ID, SECRET, SIGN)
        self.fake.__enter__()
        self.addCleanup(self.fake.__exit__)
        self.company.sudo().write(
            {
                "property_sms_provider": self.provider,
                "property_sms_key_id": KEY_ID,
                "property_sms_secret": SECRET,
                "property_sms_sign_name": SIGN,
                "property_sms_app_id": "1400006666",
                "property_sms_api_url": self.fake.url,
            }
        )
        aliyun = self.provider == "aliyun"
        # the tests' own approved templates only (not the demo's)
        self.env["property.sms.template"].search([]).active = False
        self.env["property.sms.template"].create(
            [
                {
                    "name": "报修受理",
                    "code": "SMS_100001" if aliyun else "1100001",
                    "content": "您的报修${number}已受理。"
                    if aliyun
                    else "您的报修{1}已受理。",
                },
                {
                    "name": "通用通知",
                    "code": "SMS_100002" if aliyun else "1100002",
                    "content": "${content}" if aliyun else "{1}",
                },
            ]
        )
        self.Delivery = self.env["property.sms.delivery"]
        self.key = self.company.sudo().property_sms_route_key

    def _sms(self, body, number="13800000001", partner=None):
        sms = self.env["sms.sms"].create(
            {
                "number": number,
                "body": body,
                "partner_id": (partner or self.owner_a).id,
            }
        )
        sms.send(unlink_sent=False, unlink_failed=False)
        return sms


@tagged("post_install", "-at_install")
class TestSmsAliyun(SmsProviderCase):
    def test_odoo_sms_through_aliyun(self):
        # an SMS posted on a request the Odoo way (as automation rules and
        # the composer do): sent with the approved template and parameters
        ticket = self.env["property.ticket"].create(
            {
                "name": "水管漏水",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
            }
        )
        ticket._message_sms(
            f"您的报修{ticket.number}已受理。", partner_ids=self.owner_a.ids
        )
        query = self.fake.sent("aliyun")[-1]
        self.assertEqual(query["PhoneNumbers"], "13800000001")
        self.assertEqual(query["TemplateCode"], "SMS_100001")
        self.assertEqual(json.loads(query["TemplateParam"]), {"number": ticket.number})
        self.assertEqual(query["SignName"], SIGN)
        delivery = self.Delivery.search([])
        self.assertEqual(
            (delivery.state, delivery.provider_message_id), ("sent", "biz-1")
        )
        notification = ticket.message_ids.notification_ids.filtered(
            lambda n: n.notification_type == "sms"
        )
        self.assertEqual(notification.notification_status, "pending")
        # the provider's delivery report: delivered, on the notification too
        self.Delivery._sms_callback(
            self.key,
            "report",
            [
                {
                    "phone_number": "13800000001",
                    "success": True,
                    "err_code": "DELIVERED",
                    "err_msg": "用户接收成功",
                    "biz_id": "biz-1",
                }
            ],
        )
        self.assertEqual(delivery.state, "delivered")
        self.assertEqual(notification.notification_status, "sent")
        # a report for another company's URL or an unknown id changes nothing
        self.assertFalse(self.Delivery._sms_callback("wrong-key", "report", []))

    def test_sms_template_and_composer(self):
        """An SMS template of Odoo, sent from the composer on a request,
        goes through the provider as the approved template it matches."""
        ticket = self.env["property.ticket"].create(
            {
                "name": "楼道灯不亮",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
            }
        )
        template = self.env["sms.template"].create(
            {
                "name": "报事受理短信",
                "model_id": self.env["ir.model"]._get_id("property.ticket"),
                "body": "您的报修{{ object.number }}已受理。",
            }
        )
        composer = (
            self.env["sms.composer"]
            .with_context(active_model="property.ticket", active_id=ticket.id)
            .create(
                {
                    "template_id": template.id,
                    "recipient_single_number_itf": "13800000001",
                }
            )
        )
        composer.action_send_sms()
        query = self.fake.sent("aliyun")[-1]
        self.assertEqual(query["TemplateCode"], "SMS_100001")
        self.assertEqual(json.loads(query["TemplateParam"]), {"number": ticket.number})

    def test_owner_who_prefers_sms(self):
        """The moments of a request reach an owner who prefers SMS, queued
        and sent with the approved template that carries any text."""
        self.owner_a.preferred_channel = "sms"
        ticket = (
            self.env_tracking["property.ticket"]
            .with_user(self.agent)
            .create(
                {
                    "name": "门禁失灵",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                }
            )
        )
        self.flush_tracking()
        queued = self.env["sms.sms"].search([("partner_id", "=", self.owner_a.id)])
        self.assertEqual(len(queued), 1)
        self.assertEqual(queued.state, "outgoing")
        self.assertIn(ticket.number, queued.body)
        self.env["sms.sms"]._process_queue()
        query = self.fake.sent("aliyun")[-1]
        self.assertEqual(query["TemplateCode"], "SMS_100002")
        self.assertIn(ticket.number, json.loads(query["TemplateParam"])["content"])
        # an owner who prefers WeChat or mail gets no SMS
        self.owner_a.preferred_channel = "email"
        self.env_tracking["property.ticket"].with_user(self.agent).create(
            {
                "name": "门禁失灵",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
            }
        )
        self.flush_tracking()
        self.assertEqual(
            self.env["sms.sms"].search_count([("partner_id", "=", self.owner_a.id)]), 1
        )

    def test_refusals_are_visible(self):
        # no approved template for this text: refused with the reason
        self.env["property.sms.template"].search(
            [("code", "=", "SMS_100002")]
        ).active = False
        sms = self._sms("临时通知：今晚消防演练。")
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_server"))
        self.assertIn("approved template", self.Delivery.search([]).error)
        self.assertFalse(self.fake.sent("aliyun"), "nothing reached the provider")
        # not a mainland mobile
        sms = self._sms("您的报修T-1已受理。", number="0571-88880000")
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_number_format"))
        # the provider refuses: its code kept, Odoo's failure type set
        sms = self._sms("您的报修T-1已受理。", number="13899999999")
        self.assertEqual(sms.state, "error")
        refused = self.Delivery.search([("number", "=", "13899999999")])
        self.assertIn("isv.BUSINESS_LIMIT_CONTROL", refused.error)
        sms = self._sms("您的报修T-1已受理。", number="13888888888")
        self.assertEqual(sms.failure_type, "sms_credit")
        # a wrong secret: the provider's signature check fails, visibly
        self.company.sudo().property_sms_secret = "wrong"
        sms = self._sms("您的报修T-2已受理。")
        self.assertEqual(sms.state, "error")
        self.assertIn("SignatureDoesNotMatch", self.Delivery.search([], limit=1).error)

    def test_consent_and_opt_out(self):
        # an owner who withdrew their consent to SMS is not sent to
        self.env["property.consent"].create(
            {
                "partner_id": self.owner_a.id,
                "scope": "sms",
                "purpose": "短信通知",
                "date_withdrawn": "2026-11-01",
            }
        )
        sms = self._sms("您的报修T-3已受理。")
        self.assertEqual((sms.state, sms.failure_type), ("canceled", "sms_optout"))
        # an owner who replies TD is on the opt-out list from then on
        sms = self._sms(
            "您的报修T-3已受理。", number="13800000002", partner=self.owner_b
        )
        self.assertEqual(sms.state, "pending")
        self.Delivery._sms_callback(
            self.key, "reply", [{"phone_number": "13800000002", "content": "TD"}]
        )
        self.assertTrue(
            self.env["phone.blacklist"].search([("number", "=", "+8613800000002")])
        )
        sms = self._sms(
            "您的报修T-4已受理。", number="138 0000 0002", partner=self.owner_b
        )
        self.assertEqual((sms.state, sms.failure_type), ("canceled", "sms_optout"))
        self.assertEqual(len(self.fake.sent("aliyun")), 1)

    def test_keys_only_for_administrators(self):
        agent_company = self.company.with_user(self.agent)
        with self.assertRaises(AccessError):
            agent_company.read(["property_sms_secret"])
        with self.assertRaises(AccessError):
            agent_company.read(["property_sms_key_id"])
        self.assertEqual(agent_company.property_sms_sign_name, SIGN)
        with self.assertRaises(AccessError):
            self.env["property.sms.template"].with_user(self.agent).create(
                {"name": "x", "code": "SMS_1", "content": "${content}"}
            )
        with self.assertRaises(AccessError):
            self.Delivery.with_user(self.agent).create(
                {
                    "company_id": self.company.id,
                    "provider": "aliyun",
                    "number": "13800000001",
                    "state": "delivered",
                }
            )


@tagged("post_install", "-at_install")
class TestSmsTencent(SmsProviderCase):
    provider = "tencent"

    def test_odoo_sms_through_tencent(self):
        sms = self._sms("您的报修T-0042已受理。")
        self.assertEqual(sms.state, "pending")
        payload = self.fake.sent("tencent")[-1]
        self.assertEqual(payload["PhoneNumberSet"], ["+8613800000001"])
        self.assertEqual(payload["TemplateId"], "1100001")
        self.assertEqual(payload["TemplateParamSet"], ["T-0042"])
        self.assertEqual(payload["SmsSdkAppId"], "1400006666")
        delivery = self.Delivery.search([])
        self.assertEqual(delivery.provider_message_id, "serial-1")
        # not delivered: the reason kept
        self.Delivery._sms_callback(
            self.key,
            "report",
            [
                {
                    "mobile": "13800000001",
                    "report_status": "FAIL",
                    "errmsg": "MK:0004",
                    "description": "用户手机关机",
                    "sid": "serial-1",
                }
            ],
        )
        self.assertEqual(delivery.state, "not_delivered")
        self.assertIn("关机", delivery.error)
        # a per-number refusal
        sms = self._sms("您的报修T-5已受理。", number="13888888888")
        self.assertEqual(sms.failure_type, "sms_credit")


@tagged("post_install", "-at_install")
class TestSmsCallbackHttp(HttpCase):
    def test_report_over_http(self):
        company = self.env.company.sudo()
        company.property_sms_provider = "tencent"
        url = f"/property/sms/report/{company.property_sms_route_key}"
        headers = {"Content-Type": "application/json"}
        response = self.url_open(
            url, data=json.dumps([{"sid": "none"}]), headers=headers
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"result": 0, "errmsg": "OK"})
        self.assertEqual(
            self.url_open(
                "/property/sms/report/unknown", data="[]", headers=headers
            ).status_code,
            404,
        )
        self.assertEqual(
            self.url_open(url, data="not json", headers=headers).status_code, 400
        )
