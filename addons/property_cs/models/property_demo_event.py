# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import struct
import zlib
from datetime import date, datetime, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models

from .property_unit_event import HOUSEHOLD_ROLES

# colours of the generated event photos (a gradient per event)
PHOTO_COLOURS = [
    ((214, 64, 69), (250, 200, 90)),
    ((46, 125, 160), (160, 220, 200)),
    ((90, 150, 70), (230, 230, 140)),
    ((120, 80, 160), (240, 170, 200)),
]
CHANNELS = ("portal", "portal", "phone", "walk_in", "staff")


def demo_png(width, height, colour_a, colour_b):
    """A small PNG (no network, no image library): a horizontal gradient
    from ``colour_a`` to ``colour_b`` with a light band, standing in for a
    photo of the event."""
    gradient = bytearray(b"\x00")
    for x in range(width):
        t = x / max(width - 1, 1)
        gradient += bytes(
            int(a + (b - a) * t) for a, b in zip(colour_a, colour_b, strict=True)
        )
    band = b"\x00" + bytes((250, 250, 245)) * width
    rows = [
        band if height * 0.62 < y < height * 0.72 else bytes(gradient)
        for y in range(height)
    ]

    def chunk(tag, data):
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


class PropertyDemo(models.AbstractModel):
    """Demo hooks of the community events (called by
    demo/property_event_demo.xml only)."""

    _inherit = "property.demo"

    @api.model
    def _property_demo_events(self, plan_xmlid, items, upcoming, comments):
        """Fill the demo plan of ``plan_xmlid``: one item per entry of
        ``items`` (name, type, month, day, budget, ...); the items whose day
        has passed become events held that day (or cancelled, or missed)
        with attendance by the project's households, no-shows, ratings and
        ``comments``, photos, a report and posted vendor bills; the events
        of ``upcoming`` (xml id, places already booked) get an item of the
        plan and their bookings. Then the plan is approved."""
        plan = self.env.ref(plan_xmlid)
        project = plan.project_id
        tz = pytz.timezone(project.tz or "Asia/Shanghai")
        today = datetime.now(tz).date()
        households = self._property_demo_households(project)
        owner_unit = self.env.ref("property_cs.demo_unit_ghy_1_202")
        Line = self.env["property.event.plan.line"]
        lines = Line.create(
            [
                {
                    "plan_id": plan.id,
                    "name": item["name"],
                    "month": str(item["month"]),
                    "event_type_id": self.env.ref(
                        f"property_cs.event_type_{item['type']}"
                    ).id,
                    "budget": item.get("budget", 0.0),
                    "note": item.get("note"),
                }
                for item in items
            ]
        )
        past = []
        for index, (line, item) in enumerate(zip(lines, items, strict=True)):
            day = date(plan.year, item["month"], item["day"])
            if day < today - timedelta(days=1) and not item.get("missed"):
                past.append((index, line, item, day))
        events = self.env["event.event"].create(
            [
                self._property_demo_event_vals(line, item, day, tz)
                for __, line, item, day in past
            ]
        )
        registrations, bills = [], []
        for (index, __, item, day), event in zip(past, events, strict=True):
            if item.get("cancelled"):
                continue
            registrations += self._property_demo_attendance_vals(
                event, item, households, comments, index, owner_unit
            )
            bills += self._property_demo_bill_vals(event, item, day, today)
            self._property_demo_photos(event, index)
        self.env["event.registration"].create(registrations)
        self.env["account.move"].with_company(project.company_id).create(
            bills
        ).action_post()
        for xmlid, booked in upcoming:
            event = self.env.ref(xmlid)
            day = event._property_local_date()
            if day.year == plan.year:
                event.property_plan_line_id = Line.create(
                    {
                        "plan_id": plan.id,
                        "name": event.name,
                        "month": str(day.month),
                        "event_type_id": event.event_type_id.id,
                        "budget": event.property_budget,
                    }
                )
            self._property_demo_bookings(event, booked, households, owner_unit)
        plan.action_approve()
        return True

    @api.model
    def _property_demo_households(self, project):
        """``[(unit, [partners])]``: the project's households in unit order,
        their members in role order (owners first; the tenant first in a
        rented unit, without the owners)."""
        links = self.env["property.unit.partner"].search(
            [
                ("project_id", "=", project.id),
                ("role", "in", HOUSEHOLD_ROLES),
                ("is_current", "=", True),
            ],
            order="unit_id, role_sequence, id",
        )
        households = {}
        for link in links:
            households.setdefault(link.unit_id, []).append(link)
        # a rented unit's household is the tenant's: its owners live elsewhere
        result = []
        for unit, unit_links in households.items():
            tenants = [link for link in unit_links if link.role == "tenant"]
            if tenants:
                unit_links = tenants + [
                    link
                    for link in unit_links
                    if link.role not in ("owner", "co_owner", "tenant")
                ]
            result.append((unit, [link.partner_id for link in unit_links]))
        return result

    @api.model
    def _property_demo_event_vals(self, line, item, day, tz):
        """Values of the event of a past plan item, in the Ended (or
        Cancelled) stage."""
        start_hour, end_hour = item.get("hours", (9, 11))

        def utc(hour):
            local = tz.localize(datetime(day.year, day.month, day.day, hour, 0))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        ref = self.env.ref
        stage = "event.event_stage_done"
        if item.get("cancelled"):
            stage = "event.event_stage_cancelled"
        partners = [ref(xmlid).id for xmlid in item.get("partners", [])]
        return {
            "name": item["name"],
            "event_type_id": line.event_type_id.id,
            "property_project_id": line.project_id.id,
            "property_plan_line_id": line.id,
            "property_building_ids": [
                Command.set([ref(x).id for x in item.get("buildings", [])])
            ],
            "property_venue": item.get("venue"),
            "property_organiser_id": ref(
                item.get("organiser", "property_cs.demo_user_agent")
            ).id,
            "property_partner_ids": [Command.set(partners)],
            "property_household_condition": item.get("household", "none"),
            "property_min_age": item.get("min_age", 0),
            "property_max_age": item.get("max_age", 0),
            "property_report": (
                Markup("<p>%s</p>") % item["report"] if item.get("report") else False
            ),
            "date_tz": tz.zone,
            "date_begin": utc(start_hour),
            "date_end": utc(end_hour),
            "seats_limited": True,
            "seats_max": item.get("seats", 50),
            "stage_id": ref(stage).id,
            # no Odoo confirmation mails (ticket PDF) for past events
            "event_mail_ids": [Command.clear()],
            "user_id": ref("property_cs.demo_user_agent").id,
        }

    @api.model
    def _property_demo_attendees(self, event, households, count, offset, first=None):
        """``[(unit, partner)]``: ``count`` people of the project's
        households for ``event`` (its buildings and household condition:
        the children or the elderly of such households with one adult),
        starting at the ``offset``-th household (``first`` household
        first)."""
        day = event._property_local_date()
        buildings = event.property_building_ids
        candidates = [
            (unit, members)
            for unit, members in households
            if not buildings or unit.building_id in buildings
        ]
        if candidates:
            offset %= len(candidates)
            candidates = candidates[offset:] + candidates[:offset]
        if first:
            candidates = [c for c in candidates if c[0] == first] + [
                c for c in candidates if c[0] != first
            ]
        condition = event.property_household_condition
        units = self.env["property.unit"].union(*(c[0] for c in candidates))
        flags = units._property_household_flags(day)
        company = event.property_project_id.company_id
        people = []
        for unit, members in candidates:
            if len(people) >= count:
                break
            chosen = []
            if condition == "children":
                if not flags[unit]["children"]:
                    continue
                limit = day - relativedelta(years=company.property_event_child_age)
                kids = [p for p in members if p.date_birth and p.date_birth > limit]
                chosen = kids + [p for p in members if p not in kids][:1]
            elif condition == "elderly":
                if not flags[unit]["elderly"]:
                    continue
                limit = day - relativedelta(years=company.property_event_elderly_age)
                chosen = [p for p in members if p.date_birth and p.date_birth <= limit]
            else:
                chosen = members[: 1 + len(people) % 2]
            people += [(unit, partner) for partner in chosen]
        return people[:count]

    @api.model
    def _property_demo_attendance_vals(
        self, event, item, households, comments, index, owner_unit
    ):
        """Values of the attendees (registrations marked attended, with
        ratings and comments) and no-shows of a past event."""
        attended = item.get("attended", 20)
        no_shows = item.get("no_shows", 2)
        people = self._property_demo_attendees(
            event,
            households,
            attended + no_shows,
            index * 7,
            first=owner_unit if item.get("owner1") else None,
        )
        ratings = item.get("ratings", [5, 4, 5, 4, 3])
        vals_list = []
        for position, (unit, partner) in enumerate(people):
            came = position < attended
            vals = {
                "event_id": event.id,
                "partner_id": partner.id,
                "property_unit_id": unit.id,
                "property_booked_by_id": households_head(households, unit).id,
                "property_channel": CHANNELS[position % len(CHANNELS)],
                "state": "done" if came else "open",
                "property_no_show": not came,
            }
            if came and position % 3 != 2:
                rating = ratings[position % len(ratings)]
                vals.update(
                    {
                        "property_feedback_rating": str(rating),
                        "property_feedback_comment": (
                            comments[(position + index) % len(comments)]
                            if position % 2 == 0
                            else False
                        ),
                        "property_date_feedback": event.date_end
                        + timedelta(days=1, hours=position % 5),
                    }
                )
            vals_list.append(vals)
        return vals_list

    @api.model
    def _property_demo_bookings(self, event, booked, households, owner_unit):
        """``booked`` places of an upcoming event, none of owner1's
        household (the portal tour books theirs)."""
        others = [h for h in households if h[0] != owner_unit]
        people = self._property_demo_attendees(event, others, booked, event.id * 3)
        self.env["event.registration"].create(
            [
                {
                    "event_id": event.id,
                    "partner_id": partner.id,
                    "property_unit_id": unit.id,
                    "property_booked_by_id": households_head(households, unit).id,
                    "property_channel": CHANNELS[position % len(CHANNELS)],
                    "state": "open",
                }
                for position, (unit, partner) in enumerate(people)
            ]
        )

    @api.model
    def _property_demo_photos(self, event, index):
        """Two generated photos of the event."""
        photos = self.env["ir.attachment"].create(
            [
                {
                    "name": f"{event.name}-{number}.png",
                    "raw": demo_png(
                        160, 120, *PHOTO_COLOURS[(index + number) % len(PHOTO_COLOURS)]
                    ),
                    "mimetype": "image/png",
                    "res_model": "event.event",
                    "res_id": event.id,
                }
                for number in (1, 2)
            ]
        )
        event.property_photo_ids = [Command.set(photos.ids)]

    @api.model
    def _property_demo_bill_vals(self, event, item, day, today):
        """Values of the event's vendor bills, dated a few days after it: one
        bill per supplier, a line per ``costs`` entry (supplier xml id,
        label, untaxed amount), no taxes."""
        by_supplier = {}
        for supplier, label, amount in item.get("costs", []):
            by_supplier.setdefault(supplier, []).append((label, amount))
        company = event.property_project_id.company_id
        return [
            {
                "move_type": "in_invoice",
                "partner_id": self.env.ref(supplier).id,
                "invoice_date": min(day + timedelta(days=3), today),
                "company_id": company.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": label,
                            "quantity": 1.0,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "property_event_id": event.id,
                        }
                    )
                    for label, amount in lines
                ],
            }
            for supplier, lines in by_supplier.items()
        ]

    @api.model
    def _property_demo_event_draft_bill(
        self, event_xmlid, supplier_xmlid, label, amount
    ):
        """A draft vendor bill of an upcoming event (a deposit to pay): it
        does not count in the event's cost until posted."""
        event = self.env.ref(event_xmlid)
        company = event.property_project_id.company_id
        self.env["account.move"].with_company(company).create(
            {
                "move_type": "in_invoice",
                "partner_id": self.env.ref(supplier_xmlid).id,
                "invoice_date": fields.Date.context_today(self),
                "company_id": company.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": label,
                            "quantity": 1.0,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "property_event_id": event.id,
                        }
                    )
                ],
            }
        )
        return True


def households_head(households, unit):
    """The first member (an owner or tenant) of ``unit``'s household: who
    booked for the household."""
    for household_unit, members in households:
        if household_unit == unit:
            return members[0]
    return unit.env["res.partner"]
