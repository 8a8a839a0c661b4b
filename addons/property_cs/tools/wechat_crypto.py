# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Message signatures and encryption of the WeChat Official Account and
WeCom callback protocol (消息加解密), written from the platform's published
description:

* a signature is the SHA-1 hex digest of the token, the timestamp, the
  nonce (and, for encrypted messages, the ciphertext) sorted and joined;
* the AES key is the base64-decoded EncodingAESKey (43 characters, an "="
  added: 32 bytes); AES-256-CBC with the key's first 16 bytes as IV;
* the plaintext is 16 random bytes, the message length (4 bytes, network
  order), the message, then the AppID (or WeCom CorpID); padding is
  PKCS#7 to a 32-byte block.

Pure functions and one small class, no Odoo: the controller and the
models call them, the tests run them against the platform's examples."""

import base64
import hashlib
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from lxml import etree

BLOCK = 32
MAX_BODY = 64 * 1024  # a callback message is a few kilobytes


class WeChatError(Exception):
    """A refused callback; ``status`` is the HTTP status to answer."""

    status = 400


class SignatureError(WeChatError):
    status = 403


class AppIdError(WeChatError):
    status = 403


class PayloadError(WeChatError):
    status = 400


class TooLargeError(WeChatError):
    status = 413


def signature(*parts):
    """SHA-1 hex of the parts sorted and joined (the platform's rule)."""
    return hashlib.sha1("".join(sorted(str(p) for p in parts)).encode()).hexdigest()


def check_signature(expected, *parts):
    """Raise SignatureError unless ``expected`` is the parts' signature."""
    if not expected or not _equal(signature(*parts), expected):
        raise SignatureError("wrong signature")


def _equal(a, b):
    import hmac  # noqa: PLC0415

    return hmac.compare_digest(str(a).encode(), str(b).encode())


def aes_key(encoding_aes_key):
    """The 32-byte key of a 43-character EncodingAESKey."""
    if not encoding_aes_key or len(encoding_aes_key) != 43:
        raise ValueError("an EncodingAESKey has 43 characters")
    key = base64.b64decode(encoding_aes_key + "=")
    if len(key) != 32:
        raise ValueError("an EncodingAESKey decodes to 32 bytes")
    return key


def parse_xml(data):
    """The elements of a callback body as {tag: text}, refusing bodies
    over MAX_BODY, entities, DTDs and anything that is not one flat
    <xml> element."""
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_BODY:
        raise TooLargeError("body too large")
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise PayloadError("document type declarations are refused")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise PayloadError("malformed XML") from error
    if root.tag != "xml":
        raise PayloadError("not a callback message")
    values = {}
    for child in root:
        if not isinstance(child.tag, str):
            continue
        if len(child):
            # a nested element (a video's or a menu's details): its leaves
            for leaf in child.iter():
                if isinstance(leaf.tag, str) and not len(leaf):
                    values[f"{child.tag}.{leaf.tag}"] = (leaf.text or "").strip()
        else:
            values[child.tag] = (child.text or "").strip()
    return values


class WeChatCrypto:
    """The encryption of one account: token, EncodingAESKey, AppID."""

    def __init__(self, token, encoding_aes_key, app_id):
        self.token = token
        self.key = aes_key(encoding_aes_key)
        self.app_id = app_id

    def _cipher(self):
        return Cipher(algorithms.AES(self.key), modes.CBC(self.key[:16]))

    def encrypt(self, text, random16=None):
        """The base64 ciphertext of ``text`` (str) for this account."""
        body = text.encode()
        plain = (
            (random16 or os.urandom(16))
            + struct.pack(">I", len(body))
            + body
            + self.app_id.encode()
        )
        pad = BLOCK - len(plain) % BLOCK
        plain += bytes([pad]) * pad
        encryptor = self._cipher().encryptor()
        return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode()

    def decrypt(self, ciphertext):
        """The message (str) in ``ciphertext``; PayloadError when it does
        not decrypt, AppIdError when it was made for another account."""
        try:
            raw = base64.b64decode(ciphertext, validate=True)
        except (ValueError, TypeError) as error:
            raise PayloadError("not base64") from error
        if not raw or len(raw) % 16:
            raise PayloadError("not a ciphertext")
        decryptor = self._cipher().decryptor()
        plain = decryptor.update(raw) + decryptor.finalize()
        pad = plain[-1]
        if not 1 <= pad <= BLOCK or plain[-pad:] != bytes([pad]) * pad:
            raise PayloadError("bad padding")
        plain = plain[:-pad]
        if len(plain) < 20:
            raise PayloadError("too short")
        (length,) = struct.unpack(">I", plain[16:20])
        message, app_id = plain[20 : 20 + length], plain[20 + length :]
        if len(message) != length:
            raise PayloadError("bad length")
        if not _equal(app_id.decode(errors="replace"), self.app_id):
            raise AppIdError("message for another account")
        try:
            return message.decode()
        except UnicodeDecodeError as error:
            raise PayloadError("not UTF-8") from error

    def encrypt_reply(self, xml, timestamp, nonce, random16=None):
        """The safe-mode reply envelope of ``xml`` (str)."""
        encrypted = self.encrypt(xml, random16)
        sign = signature(self.token, timestamp, nonce, encrypted)
        return (
            "<xml>\n"
            f"<Encrypt><![CDATA[{encrypted}]]></Encrypt>\n"
            f"<MsgSignature><![CDATA[{sign}]]></MsgSignature>\n"
            f"<TimeStamp>{timestamp}</TimeStamp>\n"
            f"<Nonce><![CDATA[{nonce}]]></Nonce>\n"
            "</xml>"
        )
