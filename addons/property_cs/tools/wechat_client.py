# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one client of the WeChat Official Account and WeCom APIs: every
call to either platform goes through ``api_request`` (base URLs are
settings, so that the tests talk to a fake platform on 127.0.0.1), access
tokens are kept for their lifetime by ``cached_token`` and a token the
platform rejects is fetched again once by ``with_token``."""

import re
from datetime import timedelta

import requests

from odoo import fields

from .wechat_crypto import WeChatError

API_TIMEOUT = 10  # seconds


class WeChatApiError(WeChatError):
    """An error answered by a platform's API: ``permanent`` when retrying
    cannot help (an invalid recipient, outside the 48-hour window)."""

    def __init__(self, message, code=None, permanent=False):
        super().__init__(message)
        self.code = code
        self.permanent = permanent


def api_request(
    env, platform, base_url, method, path, params=None, payload=None, permanent=()
):
    """One call; its JSON answer, or WeChatApiError (network errors are
    temporary, error codes in ``permanent`` permanent). ``platform`` names
    the platform in the error, in the user's language."""
    url = (base_url or "").rstrip("/") + path
    try:
        response = requests.request(
            method, url, params=params, json=payload, timeout=API_TIMEOUT
        )
        data = response.json()
    except (requests.RequestException, ValueError) as error:
        raise WeChatApiError(
            env._(
                "%(platform)s could not be reached: %(error)s",
                platform=platform,
                error=error,
            )
        ) from error
    code = data.get("errcode") or 0
    if code:
        raise WeChatApiError(
            env._(
                "%(platform)s answered error %(code)s: %(message)s",
                platform=platform,
                code=code,
                message=data.get("errmsg") or "",
            ),
            code=code,
            permanent=code in permanent,
        )
    return data


def api_download(env, platform, base_url, path, params=None, permanent=()):
    """Download a file (a media file an owner sent): (bytes, file name), or
    WeChatApiError as ``api_request`` (the platform answers errors in
    JSON instead of the file)."""
    url = (base_url or "").rstrip("/") + path
    try:
        response = requests.get(url, params=params, timeout=API_TIMEOUT)
    except requests.RequestException as error:
        raise WeChatApiError(
            env._(
                "%(platform)s could not be reached: %(error)s",
                platform=platform,
                error=error,
            )
        ) from error
    content_type = response.headers.get("Content-Type", "")
    if "json" in content_type or "text/plain" in content_type:
        try:
            data = response.json()
        except ValueError:
            data = {"errcode": -1, "errmsg": response.text[:200]}
        code = data.get("errcode") or -1
        raise WeChatApiError(
            env._(
                "%(platform)s answered error %(code)s: %(message)s",
                platform=platform,
                code=code,
                message=data.get("errmsg") or "",
            ),
            code=code,
            permanent=code in permanent,
        )
    disposition = response.headers.get("Content-Disposition", "")
    match = re.search(r'filename="?([^";]+)"?', disposition)
    return response.content, (match.group(1) if match else "")


def cached_token(record, token_field, expiry_field, fetch, force=False):
    """The access token kept on ``record`` (as superuser), fetched with
    ``fetch()`` -> (token, seconds valid) when missing, expiring within a
    minute or ``force``d."""
    record = record.sudo()
    now = fields.Datetime.now()
    if (
        not force
        and record[token_field]
        and record[expiry_field]
        and record[expiry_field] > now + timedelta(seconds=60)
    ):
        return record[token_field]
    token, seconds = fetch()
    record.write(
        {
            token_field: token,
            expiry_field: now + timedelta(seconds=int(seconds or 7200)),
        }
    )
    return token


def with_token(get_token, call, token_errors):
    """``call(token)``; when the platform rejects the token (an error in
    ``token_errors``), once more with a fresh one (``get_token(force)``)."""
    for attempt in (1, 2):
        try:
            return call(get_token(force=attempt == 2))
        except WeChatApiError as error:
            if attempt == 1 and error.code in token_errors:
                continue
            raise
    return None
