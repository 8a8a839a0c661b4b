# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A fake WeChat API on 127.0.0.1 for the tests: it checks the requests
(paths, parameters, the token) and answers as the platform documents,
errors included."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class FakeWechat:
    def __init__(self, app_id, secret):
        self.app_id, self.secret = app_id, secret
        self.tokens = 0
        self.valid_tokens = set()
        self.requests = []  # (path, query, json)
        self.errors = []  # error codes to answer next to a send, in order
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
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                fake.requests.append((url.path, query, None))
                if url.path != "/cgi-bin/token":
                    return self._answer({"errcode": 404, "errmsg": "not found"})
                if query.get("grant_type") != "client_credential":
                    return self._answer(
                        {"errcode": 40002, "errmsg": "invalid grant_type"}
                    )
                if query.get("appid") != fake.app_id:
                    return self._answer({"errcode": 40013, "errmsg": "invalid appid"})
                if query.get("secret") != fake.secret:
                    return self._answer(
                        {"errcode": 40125, "errmsg": "invalid appsecret"}
                    )
                fake.tokens += 1
                token = f"TOKEN-{fake.tokens}"
                fake.valid_tokens.add(token)
                return self._answer({"access_token": token, "expires_in": 7200})

            def do_POST(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append((url.path, query, payload))
                if url.path != "/cgi-bin/message/custom/send":
                    return self._answer({"errcode": 404, "errmsg": "not found"})
                if query.get("access_token") not in fake.valid_tokens:
                    return self._answer(
                        {"errcode": 40001, "errmsg": "invalid credential"}
                    )
                if payload.get("msgtype") != "text" or not payload.get("text", {}).get(
                    "content"
                ):
                    return self._answer({"errcode": 44003, "errmsg": "empty content"})
                if payload.get("touser") == "invalid-openid":
                    return self._answer({"errcode": 40003, "errmsg": "invalid openid"})
                if fake.errors:
                    code = fake.errors.pop(0)
                    return self._answer(
                        {"errcode": code, "errmsg": "api freq out of limit"}
                    )
                return self._answer({"errcode": 0, "errmsg": "ok"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.server.shutdown()
        self.server.server_close()

    def sent(self):
        return [r for r in self.requests if r[0] == "/cgi-bin/message/custom/send"]

    def token_requests(self):
        return [r for r in self.requests if r[0] == "/cgi-bin/token"]
