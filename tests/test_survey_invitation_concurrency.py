# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The queued online invitations of a satisfaction campaign shared by two
cron threads over two real database connections
(property.survey.sample._cron_send_invitations).

An Odoo test runs in one transaction, so it cannot show a race: this test
adds a project of HOUSEHOLDS households and a running campaign whose whole
sample answers online to the database that scripts/test.sh installed, queues
the invitations with the campaign's button and commits; then two threads of
one Odoo process, each with its own cursor (as two cron threads do), run
the invitation worker released at the same moment, each household's
invitation slowed down so that both are at work together. Then it counts in
the database: every household was invited by exactly one thread, both
threads took part, each household has one answer and one invitation mail,
and nothing stays queued.

Environment: see tests/odoo_harness.py (scripts/test.sh exports it).
"""

import json
import os
import subprocess

import pytest
from odoo_harness import DB, odoo_args, python, query, stop_with_parent

HOUSEHOLDS = 30

pytestmark = pytest.mark.skipif(
    not DB, reason="PROPERTY_CS_TEST_DB is not set (scripts/test.sh sets it)"
)

# Run by the Odoo interpreter; prints one JSON line
# {"samples": [...], "queued": n, "handled": [[...], [...]]}.
TWO_WORKERS = """
import json
import sys
import threading
import time
import uuid

import odoo
from odoo import Command
from odoo.tools import config

households = int(sys.argv[1])
config.parse_config(sys.argv[2:])
registry = odoo.modules.registry.Registry(config["db_name"])

with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    tag = uuid.uuid4().hex[:10]
    project = env["property.project"].create(
        {"name": f"Concurrent invitations {tag}", "code": f"CI-{tag}",
         "company_id": env.company.id}
    )
    building = env["property.building"].create(
        {"name": "A", "project_id": project.id}
    )
    units = env["property.unit"].create(
        [{"name": f"{n:03d}", "building_id": building.id, "area": 90.0}
         for n in range(1, households + 1)]
    )
    owners = env["res.partner"].create(
        [{"name": f"Owner {tag} {unit.name}", "email": f"o{unit.id}@example.com"}
         for unit in units]
    )
    env["property.unit.partner"].create(
        [{"unit_id": unit.id, "partner_id": owner.id, "role": "owner",
          "share": 100.0, "date_start": "2020-01-01"}
         for unit, owner in zip(units, owners)]
    )
    today = env["property.unit.partner"]._property_today()
    campaign = env["property.survey.campaign"].create(
        {"name": f"Invitations {tag}", "date_start": today,
         "date_end": today.replace(year=today.year + 1),
         "project_ids": [Command.set(project.ids)], "seed": tag,
         "sample_rate": 100.0, "sample_min": 1}
    )
    campaign.action_draw_sample()
    campaign.sample_ids.write({"method": "online"})
    campaign.action_start()
    campaign.action_send_invitations()
    samples = campaign.sample_ids.ids
    queued = env["property.survey.sample"].search_count(
        [("id", "in", samples), ("invitation_queued", "=", True)]
    )

Sample = registry["property.survey.sample"]
invite = Sample.action_send_invitation
handled = [[], []]
slot = threading.local()


def slow_invite(self):
    result = invite(self)
    handled[slot.index].extend(self.ids)
    time.sleep(0.05)  # both threads at work at the same time
    return result


Sample.action_send_invitation = slow_invite
barrier = threading.Barrier(2, timeout=60)
errors = []


def work(index):
    slot.index = index
    try:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            barrier.wait()
            env["property.survey.sample"]._cron_send_invitations(
                commit=True, batch_size=5
            )
    except Exception as error:
        errors.append(repr(error))


threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(300)
assert not errors, errors
assert not any(thread.is_alive() for thread in threads), "a worker did not end"
print(json.dumps({"samples": samples, "queued": queued, "handled": handled}))
"""


def test_two_workers_share_the_invitations():
    result = subprocess.run(
        [python(), "-c", TWO_WORKERS, str(HOUSEHOLDS), *odoo_args("--log-level=warn")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=dict(os.environ, TZ="UTC"),
        timeout=600,
        check=False,
        preexec_fn=stop_with_parent,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    samples = report["samples"]
    assert len(samples) == HOUSEHOLDS
    assert report["queued"] == HOUSEHOLDS
    first, second = report["handled"]
    # every household invited once, by one worker; both workers took part
    assert sorted(first + second) == sorted(samples)
    assert first and second, report
    # in the database: one answer and one invitation mail per household,
    # nothing left in the queue
    answers = query(
        "SELECT property_sample_id, COUNT(*) FROM survey_user_input "
        "WHERE property_sample_id = ANY(%s) GROUP BY property_sample_id",
        (samples,),
    )
    assert len(answers) == HOUSEHOLDS
    assert {count for _sample, count in answers} == {1}
    (mails,) = query(
        "SELECT COUNT(*) FROM mail_mail m "
        "JOIN mail_message msg ON msg.id = m.mail_message_id "
        "JOIN survey_user_input i "
        "ON msg.model = 'survey.user_input' AND msg.res_id = i.id "
        "WHERE i.property_sample_id = ANY(%s)",
        (samples,),
    )
    assert mails == (HOUSEHOLDS,)
    (queued,) = query(
        "SELECT COUNT(*) FROM property_survey_sample "
        "WHERE id = ANY(%s) AND invitation_queued",
        (samples,),
    )
    assert queued == (0,)
