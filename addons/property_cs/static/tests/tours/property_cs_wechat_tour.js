/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// the owner opens WeChat from the portal home, sees their WeChat bound,
// chooses SMS for their notifications, unbinds WeChat and asks for a new
// binding code
registry.category("web_tour.tours").add("property_cs_wechat_binding_tour", {
    steps: () => [
        {
            content: "Open WeChat from the portal home",
            trigger: "a[href='/my/wechat']",
            run: "click",
        },
        {
            content: "The estate's Official Account is bound",
            trigger: ".o_property_wechat_account:contains('光华园物业服务号') .o_property_wechat_bound",
        },
        {
            content: "Choose SMS for the notifications",
            trigger: ".o_property_channel input[value='sms']",
            run: "click",
        },
        {
            content: "Save the choice",
            trigger: ".o_property_channel_save",
            run: "click",
        },
        {
            content: "SMS is the owner's channel now",
            trigger: ".o_property_channel input[value='sms']:checked",
        },
        {
            content: "Unbind it",
            trigger: ".o_property_wechat_account button[type='submit']",
            run: "click",
        },
        {
            content: "Ask for a binding code",
            trigger: ".o_property_wechat_account form[action='/my/wechat/code'] button",
            run: "click",
        },
        {
            content: "The code to send is shown",
            trigger: ".o_property_wechat_code",
        },
    ],
});
