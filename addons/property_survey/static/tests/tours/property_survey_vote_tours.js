/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// an owner opens the owners' votes from the portal home, votes for the
// matter, checks the choice on the confirmation page, confirms it and sees
// the ballot recorded with its history
registry.category("web_tour.tours").add("property_survey_vote_owner_tour", {
    steps: () => [
        {
            content: "Open the owners' votes from the portal home",
            trigger: "a[href='/my/votes']",
            run: "click",
        },
        {
            content: "Open the running vote",
            trigger: ".o_property_vote_row:contains('电动自行车') a.o_property_vote_link",
            run: "click",
        },
        {
            content: "The closing time is shown",
            trigger: ".o_property_vote_closing",
        },
        {
            content: "The owner's unit has not voted yet",
            trigger: ".o_property_vote_line .o_property_vote_ballot_state[data-state='none']",
        },
        {
            content: "Choose For",
            trigger: ".o_property_vote_cast_form input[name='choice'][value='yes']",
            run: "click",
        },
        {
            content: "Continue to the confirmation",
            trigger: "button.o_property_vote_cast",
            run: "click",
        },
        {
            content: "The confirmation page shows the choice",
            trigger: ".o_property_vote_confirm_page .o_property_vote_confirm_choice[data-choice='yes']",
        },
        {
            content: "Confirm the ballot",
            trigger: "button.o_property_vote_confirm",
            run: "click",
        },
        {
            content: "The ballot is recorded",
            trigger: ".o_property_vote_recorded",
        },
        {
            content: "The unit's ballot says For",
            trigger: ".o_property_vote_line .o_property_vote_ballot_state[data-state='valid'][data-choice='yes']",
        },
        {
            content: "The history has the recorded choice",
            trigger: ".o_property_vote_history_row[data-new-choice='yes']",
        },
    ],
});

// a scrutineer types in the second entry of a paper ballot that someone
// else entered first, and sees it counted
registry.category("web_tour.tours").add("property_survey_vote_paper_tour", {
    steps: () => [
        {
            content: "Open the running vote",
            trigger: ".o_property_vote_row:contains('电动自行车') a.o_property_vote_link",
            run: "click",
        },
        {
            content: "Open the scrutineers' paper-ballot page",
            trigger: "a.o_property_vote_paper_link",
            run: "click",
        },
        {
            content: "The unit entered by someone else waits for a second entry",
            trigger: ".o_property_vote_awaiting_row:contains('1幢-204') a.o_property_vote_enter_second",
            run: "click",
        },
        {
            content: "The unit is chosen; type in the choice on the signed ballot: Against",
            trigger: ".o_property_vote_paper_form input[name='choice'][value='no']",
            run: "click",
        },
        {
            content: "Save the entry",
            trigger: "button.o_property_vote_paper_submit",
            run: "click",
        },
        {
            content: "Both entries agree: the ballot is counted",
            trigger: ".o_property_vote_paper_result[data-state='matched']",
        },
        {
            content: "The paper ballot is listed as counted",
            trigger: ".o_property_vote_counted_row[data-choice='no']:contains('1幢-204')",
        },
    ],
});
