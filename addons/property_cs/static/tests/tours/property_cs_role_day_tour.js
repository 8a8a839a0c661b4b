/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A working day of each role, as the shipped demo users (no email address,
// Chinese interface). Steps select by technical names; the few visible texts
// are demo data (people, owners) or the Chinese category name.
import { registry } from "@web/core/registry";

// a 1x1 PNG: the photo taken on site
const PHOTO_B64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

function setFile(input, name) {
    const bytes = Uint8Array.from(atob(PHOTO_B64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: "image/png" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("property_cs_role_agent_day_tour", {
    steps: () => [
        {
            content: "A phone call: new ticket",
            trigger: ".o_list_button_add, .o-kanban-button-new",
            run: "click",
        },
        {
            content: "What the caller says",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit 卫生间天花板滴水（来电）",
        },
        {
            content: "The caller's number",
            trigger: ".o_field_widget[name='partner_phone'] input",
            run: "edit 13943819037 && press Tab",
        },
        {
            content: "The owner is found from the number",
            trigger: ".o_field_widget[name='partner_id'] input:value(蔡丽)",
        },
        {
            content: "Classify: water leak",
            trigger: ".o_field_widget[name='category_id'] input",
            run: "edit 漏水",
        },
        {
            content: "Pick the category",
            trigger: ".o-autocomplete--dropdown-item:contains('漏水')",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the ticket has its number",
            trigger: ".o_form_saved .o_field_widget[name='number']:contains('GHY-')",
        },
        {
            content: "Dispatch",
            trigger: "button[name='action_open_assign']",
            run: "click",
        },
        {
            content: "To a named technician",
            trigger: ".modal .o_field_widget[name='user_id'] input",
            run: "edit 孙建华",
        },
        {
            content: "Pick him",
            trigger: ".o-autocomplete--dropdown-item:contains('孙建华')",
            run: "click",
        },
        {
            content: "Confirm the dispatch",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Dispatched to him",
            trigger: ".o_field_widget[name='user_id'] input:value(孙建华)",
        },
        {
            content: "Reply to the owner",
            trigger: "button[name='action_open_reply']",
            run: "click",
        },
        {
            content: "Write the reply",
            trigger: ".modal .o_field_widget[name='body'] .odoo-editor-editable, .modal .o_field_widget[name='body'] textarea",
            run: "editor 您好，维修师傅孙建华今天下午上门查看。",
        },
        {
            content: "Send",
            trigger: ".modal button[name='action_send']",
            run: "click",
        },
        {
            content: "The reply is in the chatter",
            trigger: ".o-mail-Message-body:contains('维修师傅孙建华今天下午上门查看')",
        },
    ],
});

// on a phone the header buttons are in the form's gear menu
function phoneButton(name, content, menu = ".o-dropdown--menu") {
    return [
        {
            content: `${content}: open the actions`,
            trigger: ".o_form_view:has(.o_form_saved) .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content,
            trigger: `${menu} button[name='${name}']`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("property_cs_role_technician_day_tour", {
    steps: () => [
        {
            content: "Open the job from my phone",
            trigger: ".o_kanban_record:contains('楼道应急灯不亮（巡检）')",
            run: "click",
        },
        {
            content: "The job opens",
            trigger: ".o_form_view .o_field_widget[name='common_area']",
        },
        ...phoneButton("action_on_the_way", "On my way"),
        ...phoneButton(
            "action_arrive",
            "On the way (no second departure): arrived",
            ".o-dropdown--menu:not(:has(button[name='action_on_the_way']))"
        ),
        {
            content: "Take the photo on site",
            trigger: ".o_field_widget[name='arrival_photo'] input[type='file']:not(:visible)",
            run() {
                setFile(this.anchor, "arrival.png");
            },
        },
        {
            content: "The photo is shown",
            trigger: ".o_field_widget[name='arrival_photo'] img",
        },
        {
            content: "Save the photo",
            trigger: ".o_form_button_save",
            run: "click",
        },
        ...phoneButton("action_done", "Mark as done"),
        {
            content: "Done",
            trigger: ".o_form_saved .o_field_widget[name='date_done']",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_role_care_day_tour", {
    steps: () => [
        {
            content: "The callback queue opens",
            trigger: ".o_list_renderer .o_data_row",
        },
        {
            content: "Open my callback",
            trigger: ".o_data_row td[name='name']:contains('关怀回访（旅程）')",
            run: "click",
        },
        {
            content: "Call the owner",
            trigger: ".o_form_view .o_form_statusbar button[name='action_open_call']",
            run: "click",
        },
        {
            content: "The owner answers: satisfied",
            trigger: ".modal .o_field_widget[name='outcome'] input[data-value='reached']",
            run: "click",
        },
        {
            content: "Satisfied",
            trigger: ".modal .o_field_widget[name='result'] input[data-value='satisfied']",
            run: "click",
        },
        {
            content: "What the owner said",
            trigger: ".modal .o_field_widget[name='comment'] textarea",
            run: "edit 灯已经修好了，谢谢",
        },
        {
            content: "Record the answer",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The callback is recorded",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_role_finance_day_tour", {
    steps: () => [
        {
            content: "Show all tickets, not only the open ones",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Find the paid repair",
            trigger: ".o_data_row td[name='name']:contains('更换卫生间角阀（有偿维修）')",
            run: "click",
        },
        {
            content: "Its paid-service page",
            trigger: ".o_notebook .nav-link[name='paid_service']",
            run: "click",
        },
        {
            content: "Open the invoice",
            trigger: ".o_field_widget[name='invoice_id'] a, .o_field_widget[name='invoice_id'] button.o_external_button",
            run: "click",
        },
        {
            content: "The invoice opens",
            trigger: ".o_form_view .o_field_widget[name='invoice_line_ids'] .o_data_row",
        },
    ],
});
