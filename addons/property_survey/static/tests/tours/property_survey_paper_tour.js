/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_survey_paper_tour", {
    steps: () => [
        {
            content: "Open the assigned household",
            trigger: ".o_list_view .o_data_row td:contains('Tour Owner')",
            run: "click",
        },
        {
            content: "Record the owner's phone written on the card",
            trigger: "div[name='collected_phone'] input",
            run: "edit 13911112222",
        },
        {
            content: "Enter the paper questionnaire",
            trigger: "button[name='action_enter_questionnaire']",
            run: "click",
        },
        {
            content: "Start the questionnaire",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            content: "Courtesy: 5",
            trigger: "div.js_question-wrapper:contains('Tour courtesy') label:contains('5')",
            run: "click",
        },
        {
            content: "Response: 4",
            trigger: "div.js_question-wrapper:contains('Tour response') label:contains('4')",
            run: "click",
        },
        {
            content: "Overall: 4",
            trigger: "div.js_question-wrapper:contains('Tour overall') label:contains('4')",
            run: "click",
        },
        {
            content: "Open answer written on the card",
            trigger: "div.js_question-wrapper:contains('Tour improve') textarea",
            run: "edit Repaint the lobby",
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
