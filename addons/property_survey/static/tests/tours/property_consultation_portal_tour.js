/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_survey_consultation_tour", {
    steps: () => [
        {
            content: "Open the consultation addressed to me",
            trigger: "tr.o_property_consultation_row a:contains('Tour consultation')",
            run: "click",
        },
        {
            content: "Answer it",
            trigger: "button.o_property_consultation_answer",
            run: "click",
        },
        {
            content: "Start the questionnaire",
            trigger: "button[value='start']:not(.disabled)",
            run: "click",
        },
        {
            content: "Agree",
            trigger: "div.js_question-wrapper:contains('Tour question') label:contains('Tour agree')",
            run: "click",
        },
        {
            content: "Comment",
            trigger: "div.js_question-wrapper:contains('Tour comment') textarea",
            run: "edit Tour comment from the portal",
        },
        {
            content: "Submit",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o_survey_finished",
        },
    ],
});
