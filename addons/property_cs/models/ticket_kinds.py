# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Kinds of contact (D-6), shared by tickets, callbacks and callback rules.

A plain module without models: importing it never changes the order in
which the models of this addon are defined."""

TICKET_KINDS = [
    ("inquiry", "Inquiry"),
    ("repair", "Repair"),
    ("complaint", "Complaint"),
    ("suggestion", "Suggestion"),
    ("praise", "Praise"),
    ("safety", "Safety Incident"),
]
