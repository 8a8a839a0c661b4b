/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// The owner pays their newest unpaid bill from the unit page online, with
// the demo payment provider (installed by the tests, never a dependency).
// No selector reads English text: the owner reads the portal in Chinese.
registry.category("web_tour.tours").add("property_cs_owner_pays_bill_tour", {
    steps: () => [
        {
            content: "The unit page lists the owner's own bills",
            trigger: ".o_property_cs_fees .o_property_cs_fee_bills",
        },
        {
            content: "Pay the newest unpaid bill",
            trigger: ".o_property_cs_fee_bills a.o_property_cs_fee_pay",
            run: "click",
        },
        {
            content: "Open the payment dialog of the bill",
            trigger: "a[data-bs-target='#pay_with']",
            run: "click",
        },
        {
            content: "Choose the demo provider",
            trigger: "#pay_with input[name='o_payment_radio'][data-provider-code='demo']",
            run: "click",
        },
        {
            content: "The demo provider's form asks for a successful payment",
            trigger: "#pay_with select#simulated_payment_state",
            run: "select done",
        },
        {
            content: "Pay",
            trigger: "#pay_with button[name='o_payment_submit_button']",
            run: "click",
        },
        {
            // the status page polls the transaction, which post-processes
            // it, then sends the owner back to the bill; recording the
            // payment takes a while on a busy machine
            content: "The payment status page, then the bill, shows the payment",
            timeout: 30000,
            trigger:
                "div[name='o_payment_status'], .o_account_payment_tx_status [name='o_payment_status_alert'].alert-success",
        },
        {
            content: "Back on the bill, the payment is confirmed",
            timeout: 30000,
            trigger: ".o_account_payment_tx_status [name='o_payment_status_alert'].alert-success",
        },
    ],
});
