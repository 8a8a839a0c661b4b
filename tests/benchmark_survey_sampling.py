#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark the satisfaction-campaign sample draw (property_survey, D-26).

Creates a synthetic project of HOUSEHOLDS households (default 20,000: 40
buildings, 3 property types, some owners with an owner group) with plain SQL
inserts, draws the sample of a campaign on it, reports wall time and query
count of the draw, then rolls everything back. It also draws on a frame ten
times smaller to show that the query count does not grow with the frame.

    python3 tests/benchmark_survey_sampling.py -d hs_survey \\
        --db_host 127.0.0.1 --db_user odoo --addons-path=addons [--households N]

Needs a database with property_survey installed.
"""

import argparse
import sys
import time


def _populate(env, households, tag):
    cr = env.cr
    company = env.company.id
    project = env["property.project"].create(
        {"name": f"Bench {tag}", "code": f"B{tag}"}
    )
    n_buildings = max(1, households // 500)
    buildings = (
        env["property.building"]
        .create(
            [
                {"name": f"{tag}-{b + 1:02d}", "project_id": project.id, "sequence": b}
                for b in range(n_buildings)
            ]
        )
        .ids
    )
    env.flush_all()
    use_types = ["residential"] * 8 + ["commercial", "office"]
    groups = [None] * 6 + ["business", "civil_servant", "expert", "manager"]
    cr.execute(
        """
        INSERT INTO res_partner (name, active, autopost_bills, owner_group, type,
                                 company_id)
        SELECT 'Bench owner ' || g, TRUE, 'ask', (%s::varchar[])[1 + (g / 3) %% 10],
               'contact', NULL
          FROM generate_series(0, %s - 1) g
        RETURNING id
        """,
        (groups, households),
    )
    partners = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO property_unit (name, building_id, project_id, company_id, area,
                                   use_type, occupancy, renovation_state, status,
                                   active, complete_name)
        SELECT lpad(g::text, 5, '0'), (%s::int[])[1 + g %% %s], %s, %s, 90,
               (%s::varchar[])[1 + (g / 7) %% 10], 'owner_occupied', 'none',
               'owner_occupied', TRUE, 'U' || g
          FROM generate_series(0, %s - 1) g
        RETURNING id
        """,
        (buildings, n_buildings, project.id, company, use_types, households),
    )
    units = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO property_unit_partner (unit_id, partner_id, role, date_start,
                                           active, share, role_sequence)
        SELECT unnest(%s::int[]), unnest(%s::int[]), 'owner', '2020-01-01', TRUE,
               100, 1
        """,
        (units, partners),
    )
    env.invalidate_all()
    return project


def _draw(env, project):
    campaign = env["property.survey.campaign"].create(
        {
            "name": f"Benchmark {project.name}",
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
            "project_ids": [(6, 0, project.ids)],
            "seed": "benchmark",
        }
    )
    env.flush_all()
    env.invalidate_all()  # both draws start from the same (cold) cache
    count0 = env.cr.sql_log_count
    start = time.perf_counter()
    campaign.action_draw_sample()
    env.flush_all()
    elapsed = time.perf_counter() - start
    return campaign, elapsed, env.cr.sql_log_count - count0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--households", type=int, default=20000)
    args, odoo_args = parser.parse_known_args()
    import odoo
    from odoo.tools import config

    config.parse_config(odoo_args)
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        results = []
        for households in (args.households // 10, args.households):
            project = _populate(env, households, str(households))
            campaign, elapsed, queries = _draw(env, project)
            results.append((households, campaign, elapsed, queries))
            print(
                f"frame {campaign.frame_size:>6} households: sample "
                f"{len(campaign.sample_ids):>5} in {campaign.strata_count:>3} strata, "
                f"{elapsed:.2f} s, {queries} queries"
            )
        cr.rollback()
    small, large = results
    ok = large[2] < 5.0
    print(
        f"target < 5 s: {'met' if ok else 'MISSED'}; queries small/large frame: "
        f"{small[3]}/{large[3]}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
