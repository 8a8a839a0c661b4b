/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_cs_complaint_public_tour", {
    steps: () => [
        {
            content: "Give a name",
            trigger: "input[name='contact_name']",
            run: "edit Zhang Wei",
        },
        {
            content: "Give the email",
            trigger: "input[name='email']",
            run: "edit zhang.wei@example.com",
        },
        {
            content: "Say where",
            trigger: "input[name='location']",
            run: "edit Garage B1",
        },
        {
            content: "Subject",
            trigger: "input[name='name']",
            run: "edit Water in the garage",
        },
        {
            content: "What happened",
            trigger: "textarea[name='description']",
            run: "edit The garage floods every time it rains.",
        },
        {
            content: "What we should do",
            trigger: "textarea[name='remedy']",
            run: "edit Fix the drainage before the rainy season",
        },
        {
            content: "Send",
            trigger: ".o_property_cs_complaint_submit",
            run: "click",
        },
        {
            content: "The reference and the tracking link are shown",
            trigger: ".o_property_cs_complaint_thanks .o_property_cs_complaint_number",
        },
        {
            content: "Follow the complaint with the tracking link",
            trigger: ".o_property_cs_complaint_track",
            run: "click",
        },
        {
            content: "The complaint page opens without login",
            trigger: ".o_property_cs_ticket_subject:contains('Water in the garage')",
        },
        {
            content: "The filing is in the complaint's history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(filed on the public form)",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_complaint_verify_tour", {
    steps: () => [
        {
            content: "Opening the link only asks: the owner confirms the complaint is theirs",
            trigger: ".o_property_cs_complaint_verify_button",
            run: "click",
        },
        {
            content: "The owner confirmed the complaint",
            trigger: ".o_property_cs_complaint_verified a[href='/my/tickets']",
            run: "click",
        },
        {
            content: "The complaint is listed in the owner's portal",
            trigger: ".o_property_cs_ticket_row a:contains('Water in the garage')",
            run: "click",
        },
        {
            content: "The owner follows it",
            trigger: ".o_property_cs_ticket_subject:contains('Water in the garage')",
        },
        {
            content: "The verification is in the complaint's history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(from the verification link)",
        },
    ],
});
