/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The working day of the shipped demo staff, in Chinese (zh_CN).
import { registry } from "@web/core/registry";

/** Fail when the text of a cell is cut off. */
function assertNotCut(cell, what) {
    if (cell.scrollWidth > cell.clientWidth + 1) {
        throw new Error(
            `${what} is cut off: "${cell.textContent.trim()}" needs ${cell.scrollWidth}px, ` +
                `the column gives ${cell.clientWidth}px`
        );
    }
}

const PIPE = "地下车库 B1 消防水管渗漏";

registry.category("web_tour.tours").add("property_cs_supervisor_escalation_tour", {
    steps: () => [
        {
            content: "The ticket list is open",
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Open the filters",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Filter the overdue tickets",
            trigger: ".o_filter_menu .o_menu_item:contains('已逾期')",
            run: "click",
        },
        {
            content: "Close the filters",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "The list shows the next deadline",
            trigger: ".o_list_view th[data-name='next_deadline']",
        },
        {
            content: "The overdue repair is listed in red",
            trigger: `.o_list_view .o_data_row.text-danger:contains('${PIPE}')`,
        },
        {
            content: "Its ticket number is shown in full",
            trigger: `.o_data_row:contains('${PIPE}') td[name='number']`,
            run() {
                assertNotCut(this.anchor, "The ticket number");
            },
        },
        {
            content: "Its next deadline is shown in full",
            trigger: `.o_data_row:contains('${PIPE}') td[name='next_deadline']`,
            run() {
                if (!this.anchor.textContent.trim()) {
                    throw new Error("The overdue ticket shows no deadline");
                }
                assertNotCut(this.anchor, "The next deadline");
                const reported = this.anchor.parentElement.querySelector("td[name='date_reported']");
                assertNotCut(reported, "The date reported");
            },
        },
        {
            content: "Open the overdue repair",
            trigger: `.o_data_row:contains('${PIPE}') td[name='name']`,
            run: "click",
        },
        {
            content: "Open its service times",
            trigger: ".o_form_view .o_notebook a[name='sla']",
            run: "click",
        },
        {
            content: "Its escalations are recorded",
            trigger: ".o_form_view div[name='sla_escalation_ids'] .o_data_row",
        },
        {
            content: "Transfer it",
            trigger: ".o_form_view .o_form_statusbar button[name='action_open_assign']",
            run: "click",
        },
        {
            content: "Choose the security department",
            trigger: ".modal div[name='department_id'] input",
            run: "edit 秩序",
        },
        {
            content: "Select it",
            trigger: ".o-autocomplete--dropdown-item:contains('秩序维护')",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger: ".modal div[name='user_id'] input",
            run: "edit 陈静",
        },
        {
            content: "Select the person",
            trigger: ".o-autocomplete--dropdown-item:contains('陈静')",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal div[name='reason'] textarea",
            run: "edit 工程部超时未处理，先由秩序维护部关阀处置。",
        },
        {
            content: "Confirm the transfer",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The transfer and its reason are in the ticket's history",
            trigger: ".o-mail-Chatter .o-mail-Message:contains('工程部超时未处理')",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_supervisor_owner_tour", {
    steps: () => [
        {
            content: "The owner file is the first tab and is open",
            trigger:
                ".o_notebook .nav-item:first-child a.active[name='property_owner_file'], " +
                ".o_notebook .nav-item:first-child a.active:contains('业主档案')",
        },
        {
            content: "The owner's units are listed",
            trigger: ".o_notebook div[name='unit_link_ids'] .o_data_row",
        },
        {
            content: "The dates of the units are shown in full",
            trigger: "div[name='unit_link_ids'] .o_data_row td[name='date_start']",
            run() {
                for (const cell of document.querySelectorAll(
                    "div[name='unit_link_ids'] .o_data_row td.o_date_cell, " +
                        "div[name='unit_link_ids'] .o_data_row td[name^='date_']"
                )) {
                    assertNotCut(cell, "A date of the owner file");
                }
            },
        },
        {
            content: "The owner's tickets are counted",
            trigger: "button[name='action_view_property_tickets'] .o_stat_value",
        },
        {
            content: "Open the owner's complaints",
            trigger: "button[name='action_view_property_complaints']",
            run: "click",
        },
        {
            content: "The complaints of the owner are listed",
            trigger: ".o_list_view .o_data_row:contains('地下车库反复积水')",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_manager_compensation_tour", {
    steps: () => [
        {
            content: "A compensation waits for approval",
            trigger: ".o_list_view .o_data_row:contains('800'):contains('电梯频繁故障') td[name='partner_id']",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view .o_form_statusbar button[name='action_approve']",
            run: "click",
        },
        {
            content: "The compensation is approved",
            trigger:
                ".o_form_view .o_statusbar_status button[data-value='approved'].o_arrow_button_current",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_head_office_tour", {
    steps: () => [
        {
            content: "The ticket list is open",
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Show every ticket, not only the open ones",
            trigger: ".o_searchview .o_facet_remove",
            run: "click",
        },
        {
            content: "Open the search options",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Group by project",
            trigger: ".o_group_by_menu .o_menu_item:contains('项目')",
            run: "click",
        },
        {
            content: "Tickets of 绿城·桂花苑",
            trigger: ".o_list_view .o_group_name:contains('绿城·桂花苑')",
        },
        {
            content: "and of 滨江·翠竹苑",
            trigger: ".o_list_view .o_group_name:contains('滨江·翠竹苑')",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot adds up both projects",
            trigger:
                ".o_pivot .o_pivot_header_cell_closed:contains('绿城·桂花苑'), " +
                ".o_pivot th:contains('绿城·桂花苑')",
        },
        {
            content: "Open the customers menu",
            trigger: ".o_menu_sections [data-menu-xmlid='property_cs.property_cs_menu_customers']",
            run: "click",
        },
        {
            content: "Open the key-customer ledger",
            trigger: "[data-menu-xmlid='property_cs.property_unit_partner_menu_key_customer']",
            run: "click",
        },
        {
            content: "Key customers of both projects are listed",
            trigger: ".o_list_view .o_data_row:contains('桂花苑')",
        },
        {
            content: "including 滨江·翠竹苑",
            trigger: ".o_list_view .o_data_row:contains('翠竹苑')",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_supervisor_deadlines_tour", {
    steps: () => [
        {
            content: "The deadlines of every kind are listed, overdue ones first, in red",
            trigger: ".o_list_view .o_data_row:first-child.text-danger",
        },
        {
            content: "The leaking pipe's overdue deadline is among them, its kind in Chinese",
            trigger: `.o_data_row.text-danger:contains('${PIPE}') td[name='target']:contains('结案')`,
        },
        {
            content: "Open the request it belongs to",
            trigger: `.o_data_row.text-danger:contains('${PIPE}'):has(td[name='target']:contains('结案')) button[name='action_open_record']`,
            run: "click",
        },
        {
            content: "The request's form opens",
            trigger: `.o_form_view .o_breadcrumb:contains('${PIPE}')`,
        },
    ],
});
