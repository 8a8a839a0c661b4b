# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import GROUP, PropertyCsCommon

# a 1x1 PNG: the drawn signature of the tests
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
)
WORKER_ID = "110101199003079876"


class RenovationCommon(PropertyCsCommon):
    """Project A with its engineering department, a member of another
    department, the rules' declarations, and helpers to apply."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = cls.users["department"]
        cls.other_department_user = new_test_user(
            cls.env,
            login="pcs_cleaning",
            groups=GROUP % "department",
            name="PCS cleaning",
        )
        cls.other_department_user.property_project_ids = [
            Command.link(cls.project_a.id)
        ]
        Department = cls.env["property.department"]
        cls.engineering = Department.create(
            {
                "name": "Engineering A",
                "kind": "engineering",
                "project_id": cls.project_a.id,
                "leader_id": cls.engineer.id,
                "member_ids": [Command.link(cls.engineer.id)],
            }
        )
        cls.cleaning = Department.create(
            {
                "name": "Cleaning A",
                "kind": "environment",
                "project_id": cls.project_a.id,
                "leader_id": cls.other_department_user.id,
                "member_ids": [Command.link(cls.other_department_user.id)],
            }
        )
        cls.prohibitions = cls.env["property.renovation.prohibition"].search([])
        cls.scope_walls = cls.env.ref("property_cs.renovation_scope_walls")
        cls.scope_structure = cls.env.ref("property_cs.renovation_scope_structure")
        cls.project_a.renovation_working_hours = "08:00-12:00, 14:00-18:00"
        # today in the project's time zone, as the application checks it
        cls.today = fields.Date.context_today(
            cls.env.user.with_context(tz=cls.project_a.tz or "UTC")
        )

    def _apply(
        self,
        applicant=None,
        unit=None,
        documents=("title_proof", "applicant_id"),
        **values,
    ):
        """A draft application by ``applicant`` (owner A) on ``unit``
        (unit A1), as the agent at the desk, with files for
        ``documents``."""
        vals = {
            "unit_id": (unit or self.unit_a1).id,
            "applicant_id": (applicant or self.owner_a).id,
            "scope_ids": [Command.set(self.scope_walls.ids)],
            "date_start": self.today + timedelta(days=3),
            "date_end": self.today + timedelta(days=40),
            "neighbour_notice": True,
            **values,
        }
        renovation = self.env["property.renovation"].with_user(self.agent).create(vals)
        self._attach(renovation, documents)
        return renovation

    def _attach(self, renovation, documents):
        for kind in documents:
            attachment = self.env["ir.attachment"].create(
                {"name": f"{kind}.pdf", "raw": b"%PDF-1.4 scan"}
            )
            self.env["property.renovation.document"].create(
                {
                    "renovation_id": renovation.id,
                    "document_type": kind,
                    "attachment_ids": [Command.link(attachment.id)],
                }
            )

    def _sign(self, renovation):
        renovation.sudo()._sign(
            renovation.applicant_id.name, SIGNATURE, "10.0.0.7", self.prohibitions
        )

    def _to_approval(self, renovation):
        renovation.with_user(self.agent).action_submit()
        renovation.with_user(self.agent).action_check()
        as_engineer = renovation.with_user(self.engineer)
        as_engineer.engineering_note = "Non-load-bearing walls only: fine."
        as_engineer.action_engineering_pass()


@tagged("post_install", "-at_install")
class TestRenovationApplication(RenovationCommon):
    """Who applies, the documents the scope requires, the submission's
    checks and the workers' identity numbers (D-20, domain_standards D1-D3)."""

    def test_applicant_role_from_links(self):
        """An owner applies as the owner; a tenant as tenant or occupant,
        with the unit's owner named for the consent."""
        Link = self.env["property.unit.partner"]
        Link.create(
            {
                "unit_id": self.unit_a2.id,
                "partner_id": self.owner_b.id,
                "role": "owner",
                "date_start": "2019-01-01",
            }
        )
        owner_app = self._apply()
        self.assertEqual(owner_app.applicant_role, "owner")
        self.assertFalse(owner_app.owner_id)
        spouse_app = self._apply(applicant=self.owner_a_spouse)
        self.assertEqual(spouse_app.applicant_role, "owner", "a co-owner is an owner")
        tenant_app = self._apply(applicant=self.tenant_a, unit=self.unit_a2)
        self.assertEqual(tenant_app.applicant_role, "tenant")
        self.assertEqual(tenant_app.owner_id, self.owner_b)

    def test_applicant_without_link_refused(self):
        """Somebody with no current link to the unit cannot apply, nor can
        a tenant claim to be the owner."""
        with self.assertRaisesRegex(ValidationError, "neither an owner nor"):
            self._apply(applicant=self.no_unit_partner)
        with self.assertRaisesRegex(ValidationError, "neither an owner nor"):
            self._apply(applicant=self.owner_b)  # owns unit B1, not A1
        with self.assertRaisesRegex(ValidationError, "does not own"):
            self._apply(
                applicant=self.tenant_a, unit=self.unit_a2, applicant_role="owner"
            )

    def test_required_documents_from_scope(self):
        """Always the title and the applicant's ID; structural works need a
        qualified design, a contractor its qualification, a tenant the
        owner's consent."""
        renovation = self._apply(documents=())
        self.assertEqual(
            renovation._missing_document_types(), ["title_proof", "applicant_id"]
        )
        self._attach(renovation, ["title_proof"])
        self.assertEqual(renovation._missing_document_types(), ["applicant_id"])
        renovation.write(
            {
                "scope_ids": [Command.link(self.scope_structure.id)],
                "uses_contractor": True,
            }
        )
        self.assertEqual(
            renovation._missing_document_types(),
            ["applicant_id", "structural_design", "contractor_qualification"],
        )
        self.assertIn("Contractor's Qualification", renovation.missing_documents)
        # a document line without a file does not count
        self.env["property.renovation.document"].create(
            {"renovation_id": renovation.id, "document_type": "applicant_id"}
        )
        self.assertIn("applicant_id", renovation._missing_document_types())
        tenant_app = self._apply(applicant=self.tenant_a, unit=self.unit_a2)
        self.assertEqual(tenant_app._missing_document_types(), ["owner_consent"])

    def test_submission_lists_what_is_missing(self):
        """The submission is refused with every problem at once: missing
        documents, contractor details, a start in the past."""
        renovation = self._apply(
            documents=("title_proof",),
            uses_contractor=True,
            contractor_name="Anju Decoration",
            date_start=self.today - timedelta(days=1),
        )
        with self.assertRaises(UserError) as caught:
            renovation.with_user(self.agent).action_submit()
        message = caught.exception.args[0]
        self.assertIn("Applicant's ID", message)
        self.assertIn("Contractor's Qualification", message)
        self.assertIn("licence number", message)
        self.assertIn("cannot be in the past", message)
        self.assertEqual(renovation.state, "draft")
        self._attach(renovation, ["applicant_id", "contractor_qualification"])
        renovation.write(
            {
                "contractor_licence": "D233012345",
                "contractor_manager": "Zhou",
                "contractor_phone": "13905710001",
                "date_start": self.today,
            }
        )
        renovation.with_user(self.agent).action_submit()
        self.assertEqual(renovation.state, "submitted")
        self.assertTrue(renovation.date_submitted)

    def test_end_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "end cannot be before"):
            self._apply(
                date_start=self.today + timedelta(days=10),
                date_end=self.today + timedelta(days=5),
            )

    def test_worker_identity_number_masked(self):
        """A worker's number is stored masked for everyone and in full for
        the identity group only; an invalid number is refused."""
        renovation = self._apply()
        worker = (
            self.env["property.renovation.worker"]
            .with_user(self.agent)
            .create(
                {
                    "renovation_id": renovation.id,
                    "name": "Li Gong",
                    "id_number_input": WORKER_ID,
                }
            )
        )
        self.assertEqual(worker.id_number_masked, "1***************76")
        with self.assertRaises(AccessError):
            worker.with_user(self.agent).read(["id_number"])
        self.assertEqual(worker.with_user(self.manager).id_number, WORKER_ID)
        with self.assertRaisesRegex(ValidationError, "not a valid identity"):
            worker.with_user(self.agent).write({"id_number": "12345"})
        self.assertEqual(worker.with_user(self.manager).id_number, WORKER_ID)


@tagged("post_install", "-at_install")
class TestRenovationReview(RenovationCommon):
    """The review from submission to approval: who may do each step, the
    to-dos, the applicant's messages, the approval hook (D-20,
    domain_standards D1, D4, D5)."""

    def _review_todo_users(self, renovation):
        activity_type = self.env.ref("property_cs.mail_activity_type_renovation_review")
        return renovation.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).user_id

    def test_review_path_to_approval(self):
        """Agent → engineering → project manager, each with a to-do; the
        approval sets the unit's current renovation once."""
        renovation = self._apply()
        renovation.with_user(self.agent).action_submit()
        self.assertEqual(self._review_todo_users(renovation), self.agent)
        renovation.with_user(self.agent).action_check()
        self.assertEqual(renovation.state, "engineering")
        self.assertEqual(renovation.checked_by_id, self.agent)
        self.assertEqual(self._review_todo_users(renovation), self.engineer)
        with self.assertRaisesRegex(UserError, "engineering opinion"):
            renovation.with_user(self.engineer).action_engineering_pass()
        renovation.with_user(self.engineer).engineering_note = "Fine."
        renovation.with_user(self.engineer).action_engineering_pass()
        self.assertEqual(renovation.state, "approval")
        self.assertEqual(renovation.engineering_user_id, self.engineer)
        self.assertEqual(self._review_todo_users(renovation), self.manager)
        # the approval waits for the signature of the rules
        with self.assertRaisesRegex(UserError, "signs the renovation rules"):
            renovation.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "every declaration"):
            renovation.sudo()._sign(
                "Zhang Wei", SIGNATURE, "10.0.0.7", self.prohibitions[1:]
            )
        self._sign(renovation)
        self.assertTrue(renovation.is_signed)
        self.assertEqual(renovation.signed_ip, "10.0.0.7")
        self.assertEqual(renovation.prohibition_ids, self.prohibitions)
        Renovation = type(self.env["property.renovation"])
        with patch.object(
            Renovation,
            "_renovation_on_approved",
            autospec=True,
            side_effect=Renovation._renovation_on_approved,
        ) as hook:
            renovation.with_user(self.manager).action_approve()
        self.assertEqual(hook.call_count, 1)
        self.assertEqual(renovation.state, "approved")
        self.assertEqual(renovation.approved_by_id, self.manager)
        self.assertEqual(self.unit_a1.current_renovation_id, renovation)
        self.assertEqual(self.unit_a1.renovation_state, "in_progress")
        self.assertFalse(self._review_todo_users(renovation))
        message = renovation.message_ids.filtered(
            lambda m: self.owner_a in m.partner_ids
        )[:1]
        self.assertIn("is approved", message.body)
        # a second approved permit on the same unit is refused
        second = self._apply()
        self._to_approval(second)
        self._sign(second)
        with self.assertRaisesRegex(UserError, "already has works under way"):
            second.with_user(self.manager).action_approve()

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_engineering_review_by_engineering_only(self):
        """Another department's member, an agent or a manager outside the
        engineering department cannot record the engineering review."""
        renovation = self._apply()
        renovation.with_user(self.agent).action_submit()
        renovation.with_user(self.agent).action_check()
        renovation.with_user(self.engineer).engineering_note = "Fine."
        for user in (self.other_department_user, self.agent, self.manager):
            with self.assertRaisesRegex(AccessError, "engineering department"):
                renovation.with_user(user).action_engineering_pass()
            # nor write the opinion itself (the field, not only the buttons)
            with self.assertRaises(AccessError):
                renovation.with_user(user).write({"engineering_note": "Looks fine."})
            with self.assertRaisesRegex(AccessError, "engineering department"):
                renovation.with_user(user)._request_changes("Move the wall.")
        self.assertEqual(renovation.state, "engineering")
        # a department serving every project also reviews
        self.engineering.project_id = False
        renovation.with_user(self.engineer).action_engineering_pass()
        self.assertEqual(renovation.state, "approval")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_engineering_opinion_only_during_the_review(self):
        """Even the engineer writes the opinion only while the application
        is in the engineering review; the approval message gives the start
        date in the applicant's language."""
        renovation = self._apply()
        with self.assertRaisesRegex(UserError, "engineering review"):
            renovation.with_user(self.engineer).write({"engineering_note": "Early."})
        self._to_approval(renovation)
        with self.assertRaisesRegex(UserError, "engineering review"):
            renovation.with_user(self.engineer).write({"engineering_note": "Late."})
        self.assertEqual(
            renovation.engineering_note, "Non-load-bearing walls only: fine."
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.owner_a.lang = "zh_CN"
        self._sign(renovation)
        renovation.with_user(self.manager).action_approve()
        message = renovation.message_ids.filtered(
            lambda m: self.owner_a in m.partner_ids
        )[:1]
        start = renovation.date_start
        self.assertIn(
            f"{start.year}年{start.month:02d}月{start.day:02d}日", message.body
        )
        self.assertNotIn(start.isoformat(), message.body)

    def test_changes_requested_then_resubmitted(self):
        """Engineering requests changes; the applicant reads them in a
        message, amends and resubmits; customer service checks again."""
        renovation = self._apply()
        renovation.with_user(self.agent).action_submit()
        renovation.with_user(self.agent).action_check()
        with self.assertRaisesRegex(UserError, "Say what"):
            renovation.with_user(self.engineer)._request_changes("  ")
        wizard = (
            self.env["property.renovation.decision"]
            .with_user(self.engineer)
            .create(
                {
                    "renovation_id": renovation.id,
                    "decision": "changes",
                    "text": "Show the wall's thickness on the plan.",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(renovation.state, "changes")
        self.assertEqual(
            renovation.change_request, "Show the wall's thickness on the plan."
        )
        message = renovation.message_ids.filtered(
            lambda m: self.owner_a in m.partner_ids
        )[:1]
        self.assertIn("needs changes", message.body)
        self.assertIn("thickness", message.body)
        self.assertFalse(message.subtype_id.internal)
        renovation._portal_amend(
            self.owner_a,
            {
                "scope_ids": self.scope_walls.ids,
                "date_start": str(self.today + timedelta(days=5)),
                "date_end": str(self.today + timedelta(days=30)),
            },
        )
        renovation._portal_submit(self.owner_a)
        self.assertEqual(renovation.state, "submitted")

    def test_applicant_told_in_their_language(self):
        """The applicant's message is written in the applicant's language,
        whoever presses the button."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.owner_a.lang = "zh_CN"
        renovation = self._apply()
        renovation.with_user(self.agent).action_submit()
        Renovation = type(self.env["property.renovation"])
        with patch.object(
            Renovation,
            "_applicant_message",
            autospec=True,
            side_effect=lambda record, event: f"{event} in {record.env.lang}",
        ):
            renovation.with_user(self.agent)._request_changes("Add the plan.")
        message = renovation.message_ids.filtered(
            lambda m: self.owner_a in m.partner_ids
        )[:1]
        self.assertIn("changes in zh_CN", message.body)

    def test_desk_signature_in_applicant_language(self):
        """At the desk the applicant reads the rules in their language on
        the staff's screen, ticks every declaration and signs there."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.owner_a.lang = "zh_CN"
        self.project_a.renovation_rules = "<p>Rules in English</p>"
        self.project_a.update_field_translations(
            "renovation_rules", {"zh_CN": {"Rules in English": "中文装修规定"}}
        )
        renovation = self._apply()
        Sign = self.env["property.renovation.sign"].with_user(self.agent)
        wizard = Sign.with_context(default_renovation_id=renovation.id).create(
            {"signature": SIGNATURE}
        )
        self.assertEqual(wizard.signed_by, "Zhang Wei")
        self.assertIn("中文装修规定", wizard.rules)
        with self.assertRaisesRegex(UserError, "every declaration"):
            wizard.action_confirm()
        wizard.prohibition_ids = self.prohibitions
        wizard.action_confirm()
        self.assertTrue(renovation.is_signed)
        self.assertEqual(renovation.signed_by, "Zhang Wei")
        self.assertEqual(renovation.prohibition_ids, self.prohibitions)
        with self.assertRaises(AccessError):
            self.env["property.renovation.sign"].with_user(
                self.users["finance"]
            ).create({"renovation_id": renovation.id, "signature": SIGNATURE})

    def test_rejection_needs_reason_and_manager(self):
        renovation = self._apply()
        self._to_approval(renovation)
        with self.assertRaisesRegex(AccessError, "project manager"):
            renovation.with_user(self.agent)._reject("No.")
        with self.assertRaisesRegex(UserError, "reason"):
            renovation.with_user(self.manager)._reject("")
        self.env["property.renovation.decision"].with_user(self.manager).create(
            {
                "renovation_id": renovation.id,
                "decision": "reject",
                "text": "The balcony wall is load-bearing.",
            }
        ).action_confirm()
        self.assertEqual(renovation.state, "rejected")
        self.assertEqual(renovation.reject_reason, "The balcony wall is load-bearing.")
        self.assertFalse(self.unit_a1.current_renovation_id)

    def test_managers_of_the_project_approve(self):
        """A project manager of another project cannot approve; one
        assigned to the project can, the named one gets the to-do."""
        renovation = self._apply()
        self._to_approval(renovation)
        self._sign(renovation)
        other_manager = new_test_user(
            self.env, login="pcs_manager_b", groups=GROUP % "manager", name="PM B"
        )
        other_manager.property_project_ids = [Command.link(self.project_b.id)]
        with self.assertRaises(AccessError):
            renovation.with_user(other_manager).action_approve()
        self.assertEqual(renovation.state, "approval")
        # the to-do went to the named project manager; another project
        # manager assigned to the project may approve as well
        self.assertEqual(renovation._approvers(), self.manager)
        other_manager.property_project_ids = [Command.link(self.project_a.id)]
        renovation.with_user(other_manager).action_approve()
        self.assertEqual(renovation.approved_by_id, other_manager)

    def test_cancel_before_approval_only(self):
        renovation = self._apply()
        renovation.with_user(self.agent).action_submit()
        renovation._portal_cancel(self.owner_a)
        self.assertEqual(renovation.state, "cancelled")
        approved = self._apply()
        self._to_approval(approved)
        self._sign(approved)
        approved.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "not possible now"):
            approved.with_user(self.agent).action_cancel()

    def test_approval_never_depends_on_contractor(self):
        """No field ties the approval to a contractor or to services bought
        from the property company: an owner doing the works without any
        contractor is approved on the same path (domain_standards D5)."""
        Renovation = self.env["property.renovation"]
        offers = {
            "res.company",
            "product.product",
            "product.template",
            "sale.order",
            "purchase.order",
            "crm.lead",
            "res.partner.bank",
        }
        for name, field in Renovation._fields.items():
            if field.relational and name != "company_id":
                self.assertNotIn(field.comodel_name, offers, name)
            if "contractor" in name:
                # free text the applicant types, never a link to a supplier
                self.assertIn(field.type, ("char", "boolean"), name)
        renovation = self._apply(uses_contractor=False)
        self.assertFalse(
            renovation.contractor_name
            or renovation.contractor_licence
            or renovation.contractor_manager
            or renovation.contractor_phone
        )
        self._to_approval(renovation)
        self._sign(renovation)
        renovation.with_user(self.manager).action_approve()
        self.assertEqual(renovation.state, "approved")


@tagged("post_install", "-at_install")
class TestRenovationAccess(RenovationCommon):
    """Per group and project; owners see their units' permits, tenants
    their own; the workflow changes only through the actions."""

    def test_renovations_on_the_owner_history(self):
        """The owner's file counts and lists the renovations they applied
        for, withdrawn ones included, as far as the reader may see them."""
        own = self._apply()
        withdrawn = self._apply()
        withdrawn._cancel()
        partner = self.owner_a.with_user(self.users["agent"])
        self.assertEqual(partner.property_renovation_count, 2)
        action = partner.action_view_property_renovations()
        found = (
            self.env["property.renovation"]
            .with_context(**action["context"])
            .search(action["domain"])
        )
        self.assertEqual(found, own | withdrawn)
        # a staff member of another project sees none of them
        agent_b = new_test_user(
            self.env, login="pcs_reno_agent_b", groups=GROUP % "agent"
        )
        agent_b.property_project_ids = [Command.link(self.project_b.id)]
        other = self.owner_a.with_user(agent_b)
        self.assertEqual(other.property_renovation_count, 0)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_access_per_role(self):
        Link = self.env["property.unit.partner"]
        Link.create(
            {
                "unit_id": self.unit_a2.id,
                "partner_id": self.owner_b.id,
                "role": "owner",
                "date_start": "2019-01-01",
            }
        )
        own = self._apply()
        tenant_app = self._apply(applicant=self.tenant_a, unit=self.unit_a2)
        Renovation = self.env["property.renovation"]
        ids = (own | tenant_app).ids
        # staff of the project read and (agent) write; finance only reads
        for role in ("agent", "manager", "department", "finance"):
            self.assertEqual(
                Renovation.with_user(self.users[role]).search([("id", "in", ids)]).ids,
                sorted(ids, reverse=True),
                role,
            )
        with self.assertRaises(AccessError):
            own.with_user(self.users["finance"]).write({"description": "x"})
        with self.assertRaises(AccessError):
            Renovation.with_user(self.users["finance"]).create(
                {"unit_id": self.unit_a1.id, "applicant_id": self.owner_a.id}
            )
        with self.assertRaises(AccessError):
            own.with_user(self.users["finance"]).action_submit()
        # staff of another project see nothing
        agent_b = new_test_user(self.env, login="pcs_agent_b", groups=GROUP % "agent")
        agent_b.property_project_ids = [Command.link(self.project_b.id)]
        self.assertFalse(Renovation.with_user(agent_b).search([("id", "in", ids)]))
        # owners: their unit's permits (also a tenant's); tenants: their own
        self.assertEqual(
            Renovation.with_user(self.portal_owner).search([("id", "in", ids)]), own
        )
        self.assertEqual(
            Renovation.with_user(self.portal_tenant).search([("id", "in", ids)]),
            tenant_app,
        )
        self.assertEqual(
            Renovation.with_user(self.portal_owner_b).search([("id", "in", ids)]),
            tenant_app,
            "the owner of the unit sees the tenant's application",
        )
        with self.assertRaises(AccessError):
            own.with_user(self.portal_tenant).read(["name"])
        with self.assertRaises(AccessError):
            own.with_user(self.portal_owner).write({"description": "x"})

    def test_state_changes_only_through_actions(self):
        renovation = self._apply()
        for user in (self.agent, self.manager):
            with self.assertRaisesRegex(UserError, "cannot be edited directly"):
                renovation.with_user(user).write({"state": "approved"})
            with self.assertRaisesRegex(UserError, "cannot be edited directly"):
                renovation.with_user(user).write({"signed_by": "Forged"})
        with self.assertRaisesRegex(UserError, "cannot be edited directly"):
            self.env["property.renovation"].with_user(self.agent).create(
                {
                    "unit_id": self.unit_a1.id,
                    "applicant_id": self.owner_a.id,
                    "state": "approved",
                }
            )
        self.assertEqual(renovation.state, "draft")

    def test_portal_actions_by_the_applicant_only(self):
        renovation = self._apply()
        with self.assertRaisesRegex(AccessError, "Only the applicant"):
            renovation._portal_submit(self.owner_a_spouse)
        with self.assertRaisesRegex(AccessError, "Only the applicant"):
            renovation._portal_sign(self.owner_b, "Chen", SIGNATURE, "1.2.3.4")
        with self.assertRaises(AccessError):
            self.env["property.renovation"]._portal_apply(
                self.owner_b, {"unit_id": str(self.unit_a1.id)}
            )
