/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// The owner opens the move-in notice from the portal home, books the first
// free time of the handover, then moves the appointment to the next free
// time. No selector reads text: the owner reads the portal in Chinese.
//
// The steps are exported for the handover part's tour (the owner then signs
// the handover record):
//   import { ownerBooksMoveinSteps } from "@property_cs/../tests/tours/property_cs_movein_tour";

export function ownerBooksMoveinSteps() {
    return [
        {
            content: "The portal home offers the move-in entry",
            trigger: "a[href='/my/movein']",
            run: "click",
        },
        {
            content: "Open the handover waiting for an appointment",
            trigger:
                ".o_property_cs_movein_row:has(.o_property_cs_movein_state[data-state='notified']) a.o_property_cs_movein_link",
            run: "click",
        },
        {
            content: "The notice lists the documents to bring",
            trigger: ".o_property_cs_movein_notice .o_property_cs_movein_documents li",
        },
        {
            content: "A full time cannot be chosen",
            trigger: ".o_property_cs_movein_slots",
            run() {
                for (const button of document.querySelectorAll(
                    ".o_property_cs_movein_slot_full"
                )) {
                    if (!button.disabled) {
                        throw new Error("A full time is offered for booking");
                    }
                }
            },
        },
        {
            content: "Book the first free time",
            trigger: ".o_property_cs_movein_slot_free:not([disabled]):eq(0)",
            run: "click",
        },
        {
            content: "The appointment is shown",
            trigger: ".o_property_cs_movein_success",
        },
        {
            content: "The booked time is marked",
            trigger: ".o_property_cs_movein_appointment .o_property_cs_movein_appointment_time",
        },
    ];
}

registry.category("web_tour.tours").add("property_cs_movein_book_tour", {
    url: "/my",
    steps: () => [
        ...ownerBooksMoveinSteps(),
        {
            content: "Remember the appointment",
            trigger: ".o_property_cs_movein_appointment[data-slot-id]",
            run() {
                window.sessionStorage.setItem(
                    "property_cs_movein_first_slot",
                    this.anchor.dataset.slotId
                );
            },
        },
        {
            content: "Move it to the next free time",
            trigger: ".o_property_cs_movein_slot_free:not([disabled]):eq(0)",
            run() {
                // mark the page left, to wait for the next one
                document.body.classList.add("o_property_cs_movein_leaving");
                this.anchor.click();
            },
        },
        {
            content: "The appointment is the new time",
            trigger:
                "body:not(.o_property_cs_movein_leaving) .o_property_cs_movein_appointment[data-slot-id]",
            run() {
                const first = window.sessionStorage.getItem(
                    "property_cs_movein_first_slot"
                );
                if (this.anchor.dataset.slotId === first) {
                    throw new Error("The appointment was not moved");
                }
            },
        },
        {
            content: "The former time is free again and the new one is current",
            trigger: ".o_property_cs_movein_slot_current",
        },
    ],
});
