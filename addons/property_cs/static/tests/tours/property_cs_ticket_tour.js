/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// a 1x1 PNG
const PHOTO_B64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

registry.category("web_tour.tours").add("property_cs_ticket_submit_tour", {
    url: "/my/tickets/new",
    steps: () => [
        {
            content: "Choose the unit",
            trigger: "select[name='unit_id']",
            run: "selectByLabel B1-101",
        },
        {
            content: "Choose the type",
            trigger: "select[name='kind']",
            run: "select repair",
        },
        {
            content: "Give a subject",
            trigger: "input[name='name']",
            run: "edit Kitchen tap leaking in tour",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit Water drips under the sink.",
        },
        {
            content: "Attach a photo",
            trigger: "input[name='photos']",
            run() {
                const bytes = Uint8Array.from(atob(PHOTO_B64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "tap.png", { type: "image/png" }));
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Submit the request",
            trigger: ".o_property_cs_ticket_submit",
            run: "click",
        },
        {
            content: "The request page shows the subject and its stage",
            trigger:
                ".o_property_cs_portal_ticket:has(.o_property_cs_ticket_subject:contains('Kitchen tap leaking in tour')) .o_property_cs_ticket_stage",
        },
        {
            content: "The submission is in the history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(submitted from the portal)",
        },
        {
            content: "with the photo",
            trigger: "#chatterRoot:shadow .o-mail-AttachmentImage",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_ticket_confirm_tour", {
    steps: () => [
        {
            content: "The owner is asked to confirm",
            trigger: ".o_property_cs_ticket_answer",
        },
        {
            content: "Confirm the closure",
            trigger: ".o_property_cs_ticket_confirm",
            run: "click",
        },
        {
            content: "The request is closed",
            trigger:
                ".o_property_cs_portal_ticket:not(:has(.o_property_cs_ticket_answer)) .o_property_cs_ticket_stage.text-bg-success",
        },
        {
            // wait for the lazy chatter bundle so the tour does not end mid-fetch
            content: "The history is shown",
            trigger: "#chatterRoot:shadow .o-mail-Message",
        },
    ],
});
