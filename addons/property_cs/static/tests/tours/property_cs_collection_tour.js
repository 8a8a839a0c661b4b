/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The demo agent takes the next collection step on a demo case, in Chinese:
// the written notice, delivered by hand, with its evidence.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_cs_agent_collection_tour", {
    steps: () => [
        {
            content: "The case is open on its form",
            trigger: ".o_form_view .o_field_widget[name='step']",
        },
        {
            content: "The unpaid bills are listed by age",
            trigger: ".o_notebook .nav-link[name='bills']",
            run: "click",
        },
        {
            content: "A bill is there",
            trigger: ".o_field_widget[name='aging_ids'] .o_data_row",
        },
        {
            content: "Record the contact",
            trigger: "button[name='action_record_attempt']",
            run: "click",
        },
        {
            content: "The next step is proposed: the written notice",
            trigger: ".modal .o_field_widget[name='step'] select",
            run() {
                if (this.anchor.value !== '"notice"') {
                    throw new Error(`The proposed step is ${this.anchor.value}`);
                }
            },
        },
        {
            content: "Delivered by hand",
            trigger: ".modal .o_field_widget[name='channel'] select",
            run: 'select "letter"',
        },
        {
            content: "It reached the owner",
            trigger: ".modal .o_field_widget[name='outcome'] select",
            run: 'select "delivered"',
        },
        {
            content: "The evidence",
            trigger: ".modal .o_field_widget[name='evidence'] textarea",
            run: "edit 业主本人签收，签收单已扫描",
        },
        {
            content: "Save the contact",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The case has reached the written notice",
            trigger: ".o_form_view:not(:has(.modal)) .o_field_widget[name='step']:contains('书面催缴通知')",
        },
        {
            content: "Open the attempts",
            trigger: ".o_notebook .nav-link[name='attempts']",
            run: "click",
        },
        {
            content: "The contact is listed on the case",
            trigger: ".o_field_widget[name='attempt_ids'] .o_data_row:contains('业主本人签收')",
        },
    ],
});
