# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

# the shipped demo staff, one per role (demo/res_users_demo.xml)
STAFF_XMLIDS = (
    "property_cs.demo_user_agent",
    "property_cs.demo_user_agent2",
    "property_cs.demo_user_supervisor",
    "property_cs.demo_user_pm",
    "property_cs.demo_user_engineer",
    "property_cs.demo_user_finance",
    "property_cs.demo_user_surveyor",
    "property_cs.demo_user_care",
    "property_cs.demo_user_headoffice",
)
# the product's menus (property_survey's hang under the same root)
MENU_ROOTS = ("property_cs.property_cs_menu_root",)
VIEW_TYPES = ("list", "kanban", "form")
LIST_LIMIT = 80  # the web client's page size
FORM_LIMIT = 3
SUBVIEW_TAGS = ("list", "kanban", "form")


@tagged("post_install", "-at_install")
class TestRoleViews(TransactionCase):
    """Every staff role opens every list, kanban and form of the product's
    menus on the demo data without an access error, reading what the web
    client reads: the views, the list's rows and the first forms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.env["res.users"]
        for xmlid in STAFF_XMLIDS:
            cls.staff |= cls.env.ref(xmlid, raise_if_not_found=False) or cls.staff
        cls.roots = cls.env["ir.ui.menu"]
        for xmlid in MENU_ROOTS:
            cls.roots |= cls.env.ref(xmlid, raise_if_not_found=False) or cls.roots

    # ------------------------------------------------------------------
    # what the web client does
    # ------------------------------------------------------------------
    def _reachable_actions(self, env):
        """Window actions of the product's menus that the user sees."""
        Menu = env["ir.ui.menu"]
        visible = Menu.browse(Menu._visible_menu_ids())
        product_menus = visible.filtered(
            lambda m: any(
                root.id in [int(i) for i in m.sudo().parent_path.split("/") if i]
                for root in self.roots
            )
        )
        # the web client loads actions as superuser (/web/action/load)
        actions = env["ir.actions.act_window"].sudo()
        for menu in product_menus.sudo():
            if menu.action and menu.action._name == "ir.actions.act_window":
                actions |= menu.action
        return actions

    def _eval(self, env, expression, default):
        if not expression:
            return default
        if not isinstance(expression, str):
            return expression
        context = {
            "uid": env.uid,
            "user": env.user,
            "time": time,
            "datetime": datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "context_today": lambda: datetime.date.today(),
            "allowed_company_ids": env.user.company_ids.ids,
            "active_id": False,
            "active_ids": [],
            "context": {},
        }
        return safe_eval(expression, context)

    def _spec(self, env, model, node, depth=0):
        """The fields specification the web client builds from an arch."""
        spec = {}
        Model = env[model]
        for child in node.iterchildren(tag=etree.Element):
            if child.tag == "field":
                name = child.get("name")
                field = Model._fields.get(name)
                if not field:
                    continue
                if field.type in ("many2one", "reference"):
                    spec[name] = {"fields": {"display_name": {}}}
                elif field.type in ("one2many", "many2many"):
                    spec[name] = self._x2many_spec(env, field, child, depth)
                else:
                    spec[name] = {}
            elif child.tag not in SUBVIEW_TAGS:
                for name, value in self._spec(env, model, child, depth).items():
                    spec.setdefault(name, value)
        return spec

    def _x2many_spec(self, env, field, node, depth):
        if node.get("widget") in ("many2many_tags", "many2many_tags_avatar"):
            return {"fields": {"display_name": {}}}
        if depth:
            return {}
        subview = next(
            (child for child in node if child.tag in ("list", "kanban")), None
        )
        if subview is None:
            # no inline view: the client loads the comodel's default list
            views = env[field.comodel_name].get_views([(False, "list")])
            subview = etree.fromstring(views["views"]["list"]["arch"])
        return {"fields": self._spec(env, field.comodel_name, subview, depth + 1)}

    def _open_action(self, env, action):
        """get_views, the rows of the list and kanban, the first forms."""
        model = action.res_model
        if model not in env.registry:
            return
        context = self._eval(env, action.context, {})
        if not isinstance(context, dict):
            context = {}
        Model = env[model].with_context(
            **{k: v for k, v in context.items() if not k.startswith("search_default")}
        )
        domain = self._eval(env, action.domain, [])
        modes = [m for m in action.view_mode.split(",") if m in VIEW_TYPES]
        views = [
            (view.view_id.id, view.view_mode)
            for view in action.view_ids
            if view.view_mode in modes
        ]
        known = {mode for _view, mode in views}
        views += [(False, mode) for mode in modes if mode not in known]
        if action.view_id and action.view_id.type in modes:
            views = [
                (action.view_id.id if mode == action.view_id.type else view, mode)
                for view, mode in views
            ]
        if not views:
            return
        result = Model.get_views(views, {"load_filters": True, "toolbar": True})
        archs = {
            mode: etree.fromstring(data["arch"])
            for mode, data in result["views"].items()
            if mode in VIEW_TYPES
        }
        records = Model.browse()
        for mode in ("list", "kanban"):
            if mode in archs:
                rows = Model.web_search_read(
                    domain, self._spec(env, model, archs[mode]), limit=LIST_LIMIT
                )
                records |= Model.browse([row["id"] for row in rows["records"]])
        if "form" in archs and records:
            records[:FORM_LIMIT].web_read(self._spec(env, model, archs["form"]))

    # ------------------------------------------------------------------
    # the test
    # ------------------------------------------------------------------
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_staff_views_open_without_access_error(self):
        if not self.staff:
            self.skipTest("the demo data is not installed")
        failures = []
        opened = 0
        for user in self.staff:
            env = self.env(user=user, context={"lang": user.lang or "en_US"})
            env = env(
                context=dict(
                    env.context,
                    allowed_company_ids=user.company_ids.ids,
                    tz=user.tz,
                )
            )
            for action in self._reachable_actions(env):
                try:
                    with self.env.cr.savepoint():
                        self._open_action(env, action)
                    opened += 1
                except AccessError as error:
                    failures.append(
                        f"{user.login}: {action.name} ({action.res_model}): "
                        + " ".join(str(error).split())
                    )
        self.assertFalse(
            failures, "Access errors in staff views:\n" + "\n".join(failures)
        )
        self.assertGreater(opened, len(self.staff), "no product view was opened")
