/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

/**
 * Fail unless at least `count` messages of the portal history mention `text`
 * (a text read from the page, e.g. the request number).
 */
function assertHistoryMentions(text, count, what) {
    const root = document.querySelector("#chatterRoot").shadowRoot;
    const found = [...root.querySelectorAll(".o-mail-Message")].filter((message) =>
        message.textContent.includes(text)
    );
    if (found.length < count) {
        throw new Error(
            `${what}: ${found.length} message(s) of the history mention "${text}", ${count} expected`
        );
    }
}

// the owner submits a request and is told its number and time
registry.category("web_tour.tours").add("property_cs_owner_day_submit_tour", {
    url: "/my/tickets/new",
    steps: () => [
        {
            content: "Choose the type",
            trigger: "select[name='kind']",
            run: "select repair",
        },
        {
            content: "Give a subject",
            trigger: "input[name='name']",
            run: "edit 阳台地漏反水",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit 下雨时阳台地漏往上冒水。",
        },
        {
            content: "Submit the request",
            trigger: ".o_property_cs_ticket_submit",
            run: "click",
        },
        {
            content: "The request page shows its number",
            trigger: ".o_property_cs_portal_ticket .o_property_cs_ticket_number",
        },
        {
            content: "The history is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Message",
        },
        {
            content: "The received message with the request number is in the history",
            trigger: "#chatterRoot:shadow .o-mail-Message",
            run() {
                const number = document
                    .querySelector(".o_property_cs_ticket_number")
                    .textContent.trim();
                assertHistoryMentions(number, 1, "received message");
            },
        },
        {
            content: "The page says by when the time is confirmed",
            trigger: ".o_property_cs_ticket_commit_deadline",
        },
    ],
});

// the owner follows the progress posted by the staff
registry.category("web_tour.tours").add("property_cs_owner_day_progress_tour", {
    steps: () => [
        {
            content: "The promised time is shown",
            trigger: ".o_property_cs_ticket_promised",
        },
        {
            content: "The technician is on the way",
            trigger: ".o_property_cs_ticket_on_the_way",
        },
        {
            content: "The history is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Message",
        },
        {
            content: "The history tells the promised time, the dispatch and the departure",
            trigger: "#chatterRoot:shadow .o-mail-Message",
            run() {
                const number = document
                    .querySelector(".o_property_cs_ticket_number")
                    .textContent.trim();
                // received, promised time, dispatched, on the way
                assertHistoryMentions(number, 4, "progress messages");
            },
        },
    ],
});

// a tenant finds the unit they rent under My Units
registry.category("web_tour.tours").add("property_cs_tenant_unit_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Units from the portal home",
            trigger: "a[href='/my/units']",
            run: "click",
        },
        {
            content: "The rented unit is listed",
            trigger: ".o_property_cs_unit_row a:contains('504')",
            run: "click",
        },
        {
            content: "The unit page shows who lives there",
            trigger: ".o_property_cs_portal_unit .o_property_cs_household td",
        },
    ],
});
