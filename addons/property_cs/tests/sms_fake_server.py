# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A fake Aliyun SMS (GET, RPC signature) and Tencent Cloud SMS (POST,
TC3-HMAC-SHA256) on 127.0.0.1 for the tests: it checks each request's
signature with the secret, its action, version, signature name and
template, and answers as the providers document, errors included."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from ..tools import sms_providers

TEMPLATES = {"SMS_100001", "SMS_100002", "1100001", "1100002"}


class FakeSms:
    def __init__(self, key_id, secret, sign_name):
        self.key_id, self.secret, self.sign_name = key_id, secret, sign_name
        self.requests = []  # (provider, parameters or payload)
        self.count = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def _answer(self, data):
                body = json.dumps(data, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                query = {
                    k: v[0]
                    for k, v in parse_qs(
                        urlparse(self.path).query, keep_blank_values=True
                    ).items()
                }
                self._answer(fake.aliyun(query))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                payload = self.rfile.read(length).decode()
                self._answer(fake.tencent(dict(self.headers), payload))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.server.shutdown()
        self.server.server_close()

    def _result(self, number, template):
        """The provider's verdict on a well-signed request."""
        if template not in TEMPLATES:
            return "template"
        if number.endswith("99999999"):
            return "limit"
        if number.endswith("88888888"):
            return "balance"
        return "ok"

    def aliyun(self, query):
        self.requests.append(("aliyun", query))
        signature = query.pop("Signature", "")
        if query.get("AccessKeyId") != self.key_id or signature != (
            sms_providers.aliyun_signature(query, self.secret)
        ):
            return {
                "Code": "SignatureDoesNotMatch",
                "Message": "Specified signature is not matched",
            }
        if (query.get("Action"), query.get("Version")) != ("SendSms", "2017-05-25"):
            return {"Code": "InvalidAction", "Message": "bad action"}
        if query.get("SignName") != self.sign_name:
            return {"Code": "isv.SMS_SIGNATURE_ILLEGAL", "Message": "签名不合法"}
        json.loads(query.get("TemplateParam") or "{}")
        result = self._result(query.get("PhoneNumbers", ""), query.get("TemplateCode"))
        errors = {
            "template": ("isv.SMS_TEMPLATE_ILLEGAL", "模板不合法"),
            "limit": ("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控"),
            "balance": ("isv.AMOUNT_NOT_ENOUGH", "账户余额不足"),
        }
        if result in errors:
            code, message = errors[result]
            return {"Code": code, "Message": message, "RequestId": "r"}
        self.count += 1
        return {
            "Code": "OK",
            "Message": "OK",
            "BizId": f"biz-{self.count}",
            "RequestId": "r",
        }

    def tencent(self, headers, payload):
        headers = {k.lower(): v for k, v in headers.items()}
        self.requests.append(("tencent", json.loads(payload)))
        expected, _hash = sms_providers.tc3_authorization(
            self.key_id,
            self.secret,
            "sms",
            headers.get("host", ""),
            payload,
            int(headers.get("x-tc-timestamp") or 0),
        )
        if headers.get("authorization") != expected:
            error = {"Code": "AuthFailure.SignatureFailure", "Message": "bad signature"}
            return {"Response": {"Error": error, "RequestId": "r"}}
        if (headers.get("x-tc-action"), headers.get("x-tc-version")) != (
            "SendSms",
            "2021-01-11",
        ):
            error = {"Code": "InvalidAction", "Message": "bad action"}
            return {"Response": {"Error": error, "RequestId": "r"}}
        data = json.loads(payload)
        number = data["PhoneNumberSet"][0]
        result = self._result(number, data.get("TemplateId"))
        codes = {
            "template": "FailedOperation.TemplateIncorrectOrUnapproved",
            "limit": "LimitExceeded.PhoneNumberDailyLimit",
            "balance": "FailedOperation.InsufficientBalanceInSmsPackage",
        }
        self.count += 1
        status = {
            "SerialNo": f"serial-{self.count}",
            "PhoneNumber": number,
            "Code": codes.get(result, "Ok"),
            "Message": "send success" if result == "ok" else result,
        }
        return {"Response": {"SendStatusSet": [status], "RequestId": "r"}}

    def sent(self, provider):
        return [r[1] for r in self.requests if r[0] == provider]
