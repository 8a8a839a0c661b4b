/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_survey_online_tour", {
    steps: () => [
        {
            content: "Start the questionnaire from the invitation link",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            content: "Courtesy: 3",
            trigger: "div.js_question-wrapper:contains('Tour courtesy') label:contains('3')",
            run: "click",
        },
        {
            content: "Response: 2",
            trigger: "div.js_question-wrapper:contains('Tour response') label:contains('2')",
            run: "click",
        },
        {
            content: "Overall: 3",
            trigger: "div.js_question-wrapper:contains('Tour overall') label:contains('3')",
            run: "click",
        },
        {
            content: "Submit",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o_survey_finished, h1:contains('Thank you')",
        },
    ],
});
