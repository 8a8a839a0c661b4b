# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sending one SMS through a Chinese provider, as each documents it:

- Aliyun SMS (阿里云短信服务, ``dysmsapi`` 2017-05-25): an RPC call signed
  with HMAC-SHA1 over the sorted, percent-encoded parameters (signature
  version 1.0); the template's parameters as a JSON object.
- Tencent Cloud SMS (腾讯云短信, ``sms`` 2021-01-11): a JSON POST signed
  with TC3-HMAC-SHA256 (canonical request, credential scope, derived key);
  the template's parameters as a list in the template's order.

``send`` returns the provider's message id or raises ``SmsProviderError``
with the provider's code, whether retrying can help, and Odoo's failure
type."""

import base64
import hashlib
import hmac
import json
import re
import uuid
from datetime import UTC, datetime
from urllib.parse import quote, urlparse

import requests

TIMEOUT = 10  # seconds
DEFAULT_URLS = {
    "aliyun": "https://dysmsapi.aliyuncs.com",
    "tencent": "https://sms.tencentcloudapi.com",
}
MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# provider codes -> Odoo's SMS failure types (others: a server error)
FAILURE_TYPES = {
    "isv.MOBILE_NUMBER_ILLEGAL": "sms_number_format",
    "isv.AMOUNT_NOT_ENOUGH": "sms_credit",
    "InvalidParameterValue.IncorrectPhoneNumber": "sms_number_format",
    "FailedOperation.InsufficientBalanceInSmsPackage": "sms_credit",
    "isv.BLACK_KEY_CONTROL_LIMIT": "sms_blacklist",
    "FailedOperation.PhoneNumberInBlacklist": "sms_blacklist",
}
# provider codes after which the same request may succeed later
TEMPORARY = {
    "isv.BUSINESS_LIMIT_CONTROL",
    "Throttling.User",
    "ServiceUnavailable",
    "LimitExceeded.PhoneNumberThirtySecondLimit",
    "LimitExceeded.PhoneNumberOneHourLimit",
    "LimitExceeded.PhoneNumberDailyLimit",
    "RequestLimitExceeded",
    "InternalError.Timeout",
    "network",
}


class SmsProviderError(Exception):
    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.temporary = code in TEMPORARY
        self.failure_type = FAILURE_TYPES.get(code, "sms_server")


def mainland_number(number):
    """The 11-digit mainland mobile number in ``number`` (spaces, dashes
    and the +86 / 0086 prefix removed), else None."""
    digits = re.sub(r"[^\d]", "", number or "")
    for prefix in ("0086", "86"):
        if len(digits) == 11 + len(prefix) and digits.startswith(prefix):
            digits = digits[len(prefix) :]
    return digits if MAINLAND_MOBILE.match(digits) else None


# ----------------------------------------------------------------------
# Aliyun
# ----------------------------------------------------------------------
def _percent(value):
    return quote(str(value), safe="~")


def aliyun_signature(params, secret, method="GET"):
    """The RPC signature (version 1.0) of ``params``."""
    query = "&".join(f"{_percent(k)}={_percent(v)}" for k, v in sorted(params.items()))
    to_sign = f"{method}&{_percent('/')}&{_percent(query)}"
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def aliyun_send(config, number, template_code, params, now=None, nonce=None):
    values = {
        "AccessKeyId": config["key_id"],
        "Action": "SendSms",
        "Format": "JSON",
        "PhoneNumbers": number,
        "RegionId": "cn-hangzhou",
        "SignName": config["sign_name"],
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": nonce or uuid.uuid4().hex,
        "SignatureVersion": "1.0",
        "TemplateCode": template_code,
        "TemplateParam": json.dumps(params, ensure_ascii=False, separators=(",", ":")),
        "Timestamp": (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Version": "2017-05-25",
    }
    values["Signature"] = aliyun_signature(values, config["secret"])
    data = _call("GET", config["url"] or DEFAULT_URLS["aliyun"], params=values)
    if data.get("Code") != "OK":
        raise SmsProviderError(data.get("Code") or "unknown", data.get("Message") or "")
    return data.get("BizId") or ""


# ----------------------------------------------------------------------
# Tencent Cloud
# ----------------------------------------------------------------------
def _hmac256(key, message):
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def tc3_authorization(secret_id, secret_key, service, host, payload, timestamp):
    """The Authorization header of a TC3-HMAC-SHA256 signed JSON POST and
    the hash of its canonical request."""
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    canonical = (
        "POST\n/\n\n"
        f"content-type:application/json; charset=utf-8\nhost:{host}\n\n"
        "content-type;host\n" + hashlib.sha256(payload.encode()).hexdigest()
    )
    canonical_hash = hashlib.sha256(canonical.encode()).hexdigest()
    scope = f"{date}/{service}/tc3_request"
    to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{canonical_hash}"
    key = _hmac256(f"TC3{secret_key}".encode(), date)
    key = _hmac256(_hmac256(key, service), "tc3_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return (
        f"TC3-HMAC-SHA256 Credential={secret_id}/{scope}, "
        f"SignedHeaders=content-type;host, Signature={signature}"
    ), canonical_hash


def tencent_send(config, number, template_code, params, timestamp=None):
    url = config["url"] or DEFAULT_URLS["tencent"]
    host = urlparse(url).netloc
    payload = json.dumps(
        {
            "PhoneNumberSet": [f"+86{number}"],
            "SmsSdkAppId": config["app_id"],
            "SignName": config["sign_name"],
            "TemplateId": template_code,
            "TemplateParamSet": [str(p) for p in params],
        },
        ensure_ascii=False,
    )
    timestamp = int(timestamp or datetime.now(UTC).timestamp())
    authorization, _hash = tc3_authorization(
        config["key_id"], config["secret"], "sms", host, payload, timestamp
    )
    headers = {
        "Authorization": authorization,
        "Content-Type": "application/json; charset=utf-8",
        "Host": host,
        "X-TC-Action": "SendSms",
        "X-TC-Timestamp": str(timestamp),
        "X-TC-Version": "2021-01-11",
        "X-TC-Region": config["region"] or "ap-guangzhou",
    }
    data = _call("POST", url, data=payload.encode(), headers=headers)
    response = data.get("Response") or {}
    if response.get("Error"):
        error = response["Error"]
        raise SmsProviderError(
            error.get("Code") or "unknown", error.get("Message") or ""
        )
    status = (response.get("SendStatusSet") or [{}])[0]
    if status.get("Code") != "Ok":
        raise SmsProviderError(
            status.get("Code") or "unknown", status.get("Message") or ""
        )
    return status.get("SerialNo") or ""


def _call(method, url, **kwargs):
    try:
        response = requests.request(method, url, timeout=TIMEOUT, **kwargs)
        return response.json()
    except (requests.RequestException, ValueError) as error:
        raise SmsProviderError("network", str(error)) from error


def send(provider, config, number, template_code, params):
    """Send one SMS; the provider's message id (Aliyun BizId, Tencent
    SerialNo). ``params``: a dict for Aliyun, a list for Tencent."""
    if provider == "aliyun":
        return aliyun_send(config, number, template_code, params)
    return tencent_send(config, number, template_code, params)
