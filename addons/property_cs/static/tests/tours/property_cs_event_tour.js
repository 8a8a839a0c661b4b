/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// The owner opens the community events from the portal home, opens an
// upcoming event, registers two members of the household and sees the
// places left drop by two. The event's name is demo content (Chinese);
// no selector reads a translated text.
const EVENT_NAME = "社区亲子趣味运动会";

registry.category("web_tour.tours").add("property_cs_event_register_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home offers the community events",
            trigger: "a[href='/my/events']",
            run: "click",
        },
        {
            content: "Open the upcoming event",
            trigger: `.o_property_cs_event_row:contains('${EVENT_NAME}') a.o_property_cs_event_link`,
            run: "click",
        },
        {
            content: "Remember the places left",
            trigger: ".o_property_cs_event_places[data-places-left]",
            run() {
                window.sessionStorage.setItem(
                    "property_cs_event_places",
                    this.anchor.dataset.placesLeft
                );
            },
        },
        {
            content: "Choose a first member of the household",
            trigger: ".o_property_cs_event_member:eq(0)",
            run: "click",
        },
        {
            content: "Choose a second member of the household",
            trigger: ".o_property_cs_event_member:eq(1)",
            run: "click",
        },
        {
            content: "Register them",
            trigger: ".o_property_cs_event_register",
            run: "click",
        },
        {
            content: "The registration is confirmed",
            trigger: ".o_property_cs_event_booked",
        },
        {
            content: "Both are listed with the household",
            trigger: ".o_property_cs_event_mine",
            run() {
                const rows = document.querySelectorAll(".o_property_cs_event_registration");
                if (rows.length !== 2) {
                    throw new Error(`${rows.length} registrations listed, 2 expected`);
                }
            },
        },
        {
            content: "Two places fewer are left",
            trigger: ".o_property_cs_event_places[data-places-left]",
            run() {
                const before = parseInt(
                    window.sessionStorage.getItem("property_cs_event_places")
                );
                const after = parseInt(this.anchor.dataset.placesLeft);
                if (after !== before - 2) {
                    throw new Error(`Places left ${before} then ${after}: not 2 fewer`);
                }
            },
        },
    ],
});
