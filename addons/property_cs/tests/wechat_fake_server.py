# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A fake WeChat / WeCom API on 127.0.0.1 for the tests: it checks the
requests (paths, parameters, the token, the message) and answers as the
platforms document, errors included."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

NOT_FOUND = {"errcode": 404, "errmsg": "not found"}


class FakeWechat:
    def __init__(self, app_id, secret):
        self.app_id, self.secret = app_id, secret
        self.tokens = 0
        self.valid_tokens = set()
        self.requests = []  # (path, query, json)
        self.errors = []  # error codes to answer next to a send, in order
        self.media = {}  # media id -> (bytes, content type)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def _serve(self, payload):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                fake.requests.append((url.path, query, payload))
                if payload is None and url.path == "/cgi-bin/media/get":
                    media = fake.media.get(query.get("media_id"))
                    if media and query.get("access_token") in fake.valid_tokens:
                        self.send_response(200)
                        self.send_header("Content-Type", media[1])
                        self.send_header(
                            "Content-Disposition",
                            f'attachment; filename="{query["media_id"]}.bin"',
                        )
                        self.send_header("Content-Length", str(len(media[0])))
                        self.end_headers()
                        self.wfile.write(media[0])
                        return
                    data = {"errcode": 40007, "errmsg": "invalid media_id"}
                elif payload is None:
                    data = fake.handle_get(url.path, query)
                else:
                    data = fake.handle_post(url.path, query, payload)
                body = json.dumps(data, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self._serve(None)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self._serve(json.loads(self.rfile.read(length) or b"{}"))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _new_token(self):
        self.tokens += 1
        token = f"TOKEN-{self.tokens}"
        self.valid_tokens.add(token)
        return {"errcode": 0, "access_token": token, "expires_in": 7200}

    def handle_get(self, path, query):
        if path == "/cgi-bin/gettoken":  # WeCom
            if (query.get("corpid"), query.get("corpsecret")) != (
                self.app_id,
                self.secret,
            ):
                return {"errcode": 40013, "errmsg": "invalid corpid"}
            return self._new_token()
        if path != "/cgi-bin/token":
            return NOT_FOUND
        if query.get("grant_type") != "client_credential":
            return {"errcode": 40002, "errmsg": "invalid grant_type"}
        if query.get("appid") != self.app_id:
            return {"errcode": 40013, "errmsg": "invalid appid"}
        if query.get("secret") != self.secret:
            return {"errcode": 40125, "errmsg": "invalid appsecret"}
        return self._new_token()

    def handle_post(self, path, query, payload):
        if path == "/cgi-bin/message/send":
            return self._wecom_send(query, payload)
        if path == "/cgi-bin/message/template/send":
            return self._template_send(query, payload)
        if path != "/cgi-bin/message/custom/send":
            return NOT_FOUND
        if query.get("access_token") not in self.valid_tokens:
            return {"errcode": 40001, "errmsg": "invalid credential"}
        if payload.get("msgtype") != "text" or not payload.get("text", {}).get(
            "content"
        ):
            return {"errcode": 44003, "errmsg": "empty content"}
        if payload.get("touser") == "invalid-openid":
            return {"errcode": 40003, "errmsg": "invalid openid"}
        if self.errors:
            return {"errcode": self.errors.pop(0), "errmsg": "api freq out of limit"}
        return {"errcode": 0, "errmsg": "ok"}

    def _template_send(self, query, payload):
        if query.get("access_token") not in self.valid_tokens:
            return {"errcode": 40001, "errmsg": "invalid credential"}
        data = payload.get("data")
        if not payload.get("touser") or not isinstance(data, dict) or not data:
            return {"errcode": 47001, "errmsg": "data format error"}
        if payload.get("template_id") != "tmpl-progress" and payload.get(
            "template_id"
        ) != ("tmpl-notice"):
            return {"errcode": 40037, "errmsg": "invalid template_id"}
        if any(not isinstance(v, dict) or "value" not in v for v in data.values()):
            return {"errcode": 47001, "errmsg": "data format error"}
        return {"errcode": 0, "errmsg": "ok", "msgid": 200228332}

    def _wecom_send(self, query, payload):
        if query.get("access_token") not in self.valid_tokens:
            return {"errcode": 42001, "errmsg": "access_token expired"}
        card = payload.get("textcard") or {}
        if payload.get("msgtype") != "textcard" or not (
            card.get("title") and card.get("url") and payload.get("agentid")
        ):
            return {"errcode": 41017, "errmsg": "bad message"}
        invalid = "nobody" if payload.get("touser") == "nobody" else ""
        return {"errcode": 0, "errmsg": "ok", "invaliduser": invalid}

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.server.shutdown()
        self.server.server_close()

    def sent(self):
        return [r for r in self.requests if r[0] == "/cgi-bin/message/custom/send"]

    def templates_sent(self):
        return [r for r in self.requests if r[0] == "/cgi-bin/message/template/send"]

    def token_requests(self):
        return [r for r in self.requests if r[0] == "/cgi-bin/token"]

    def wecom_sent(self):
        return [r for r in self.requests if r[0] == "/cgi-bin/message/send"]
