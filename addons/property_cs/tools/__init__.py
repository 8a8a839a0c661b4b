# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import wechat_crypto
from . import wechat_client
