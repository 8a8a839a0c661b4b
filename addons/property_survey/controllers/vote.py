# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyVotePortal(CustomerPortal):
    """Owners' votes in the portal (issue 16): the votes of the owner's
    projects, the e-ballot with its confirmation step, proxies, and the
    scrutineers' paper-ballot double entry. Each action calls one
    ``property.vote`` method, which checks the caller; a vote the caller
    may not see is not found (404), a unit they may not cast for is
    forbidden (403)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_vote_count" in counters:
            values["property_vote_count"] = len(
                request.env["property.vote"]._portal_votes(request.env.user.partner_id)
            )
        return values

    def _vote_or_404(self, vote_id):
        """The vote as superuser once the user may see it, else 404."""
        try:
            return (
                request.env["property.vote"]
                .browse(vote_id)
                ._portal_check_access(request.env.user.partner_id)
            )
        except (AccessError, MissingError) as exc:
            raise request.not_found() from exc

    def _scrutineer_vote_or_404(self, vote_id):
        try:
            return (
                request.env["property.vote"]
                .browse(vote_id)
                ._portal_check_scrutineer(request.env.user.partner_id)
            )
        except (AccessError, MissingError) as exc:
            raise request.not_found() from exc

    @staticmethod
    def _upload(name):
        """The bytes and the name of an uploaded file, or (None, None)."""
        upload = request.httprequest.files.get(name)
        if not upload or not upload.filename:
            return None, None
        return upload.read(), upload.filename

    # ------------------------------------------------------------------
    # OWNERS
    # ------------------------------------------------------------------

    @http.route(["/my/votes"], type="http", auth="user", website=True)
    def portal_my_votes(self, **kw):
        partner = request.env.user.partner_id
        votes = request.env["property.vote"]._portal_votes(partner)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "votes": votes,
                "open_votes": votes.filtered(lambda vote: vote.state == "open"),
                "past_votes": votes.filtered(lambda vote: vote.state != "open"),
                "page_name": "property_vote",
            }
        )
        return request.render("property_survey.portal_my_votes", values)

    def _vote_page(self, vote, error=None, status=200):
        values = self._prepare_portal_layout_values()
        values.update(vote._portal_values(request.env.user.partner_id))
        values.update(
            {
                "vote_error": error,
                "recorded": request.params.get("recorded"),
                "proxy_saved": request.params.get("proxy"),
            }
        )
        return request.render("property_survey.portal_my_vote", values, status=status)

    def _form_ids(self, name):
        """The record ids a form sent under ``name`` (ticked boxes)."""
        return [
            int(value)
            for value in request.httprequest.form.getlist(name)
            if value.isdigit()
        ]

    def _vote_call(self, vote, method, args, done_url):
        """Call the vote's portal ``method`` in the signed-in user's
        environment, then go to ``done_url``: a refusal of access is a 403,
        a refused input comes back on the vote's page with the reason."""
        try:
            getattr(vote.with_env(request.env), method)(*args)
        except AccessError as exc:
            raise Forbidden() from exc
        except UserError as exc:
            return self._vote_page(vote, error=exc.args[0])
        return request.redirect(done_url)

    @http.route(["/my/votes/<int:vote_id>"], type="http", auth="user", website=True)
    def portal_my_vote(self, vote_id, **kw):
        return self._vote_page(self._vote_or_404(vote_id))

    @http.route(
        ["/my/votes/<int:vote_id>/cast"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_vote_cast(self, vote_id, choice=None, **kw):
        vote = self._vote_or_404(vote_id)
        unit_ids = self._form_ids("unit_ids")
        return self._vote_call(
            vote,
            "_portal_cast",
            (
                request.env.user.partner_id,
                choice,
                unit_ids,
            ),
            f"/my/votes/{vote_id}/confirm",
        )

    @http.route(
        ["/my/votes/<int:vote_id>/confirm"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_vote_confirm(self, vote_id, choice=None, **kw):
        """GET: the confirmation page of the partner's pending ballots;
        POST: confirm them."""
        vote = self._vote_or_404(vote_id)
        partner = request.env.user.partner_id
        if request.httprequest.method != "POST":
            pending = vote.with_env(request.env)._portal_pending_ballots(partner)
            if not pending:
                return request.redirect(f"/my/votes/{vote_id}")
            values = self._prepare_portal_layout_values()
            values.update(vote._portal_values(partner))
            values.update({"pending": pending, "page_name": "property_vote_confirm"})
            return request.render("property_survey.portal_vote_confirm", values)
        unit_ids = self._form_ids("unit_ids")
        return self._vote_call(
            vote,
            "_portal_confirm",
            (
                partner,
                choice,
                unit_ids,
            ),
            f"/my/votes/{vote_id}?recorded=1",
        )

    @http.route(
        ["/my/votes/<int:vote_id>/proxy"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_vote_proxy(self, vote_id, unit_id=None, proxy_login=None, **kw):
        vote = self._vote_or_404(vote_id)
        data, filename = self._upload("authorisation")
        return self._vote_call(
            vote,
            "_portal_grant_proxy",
            (
                request.env.user.partner_id,
                int(unit_id) if str(unit_id or "").isdigit() else 0,
                proxy_login,
                data,
                filename,
            ),
            f"/my/votes/{vote_id}?proxy=1",
        )

    @http.route(
        ["/my/votes/<int:vote_id>/proxy/<int:proxy_id>/revoke"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_vote_proxy_revoke(self, vote_id, proxy_id, **kw):
        vote = self._vote_or_404(vote_id)
        return self._vote_call(
            vote,
            "_portal_revoke_proxy",
            (
                request.env.user.partner_id,
                proxy_id,
            ),
            f"/my/votes/{vote_id}",
        )

    # ------------------------------------------------------------------
    # SCRUTINEERS
    # ------------------------------------------------------------------

    def _paper_page(self, vote, error=None, entry=None):
        values = self._prepare_portal_layout_values()
        values.update(vote._portal_paper_values(request.env.user.partner_id))
        values.update({"paper_error": error, "entry": entry})
        return request.render("property_survey.portal_vote_paper", values)

    @http.route(
        ["/my/votes/<int:vote_id>/paper"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_vote_paper(
        self, vote_id, entry_id=None, unit_id=None, choice=None, **kw
    ):
        """GET: the scrutineers' paper-ballot page (with the result of the
        entry just made); POST: type in a paper ballot."""
        vote = self._scrutineer_vote_or_404(vote_id)
        partner = request.env.user.partner_id
        if request.httprequest.method != "POST":
            entry = None
            if entry_id and str(entry_id).isdigit():
                try:
                    entry = vote._portal_paper_entry(partner, int(entry_id))
                except AccessError:
                    entry = None
            return self._paper_page(vote, entry=entry)
        data, filename = self._upload("scan")
        try:
            entry = vote.with_env(request.env)._portal_paper_enter(
                partner,
                int(unit_id) if str(unit_id or "").isdigit() else 0,
                choice,
                data,
                filename,
            )
        except (AccessError, UserError) as exc:
            return self._paper_page(vote, error=exc.args[0])
        return request.redirect(f"/my/votes/{vote_id}/paper?entry_id={entry.id}")

    @http.route(
        ["/my/votes/<int:vote_id>/paper/<int:entry_id>/discard"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_vote_paper_discard(self, vote_id, entry_id, reason=None, **kw):
        vote = self._scrutineer_vote_or_404(vote_id)
        try:
            vote.with_env(request.env)._portal_paper_discard(
                request.env.user.partner_id, entry_id, reason
            )
        except (AccessError, UserError) as exc:
            return self._paper_page(vote, error=exc.args[0])
        return request.redirect(f"/my/votes/{vote_id}/paper")

    @http.route(
        ["/my/votes/<int:vote_id>/paper/<int:entry_id>/scan"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_vote_paper_scan(self, vote_id, entry_id, **kw):
        vote = self._scrutineer_vote_or_404(vote_id)
        try:
            entry = vote._portal_paper_entry(request.env.user.partner_id, entry_id)
        except AccessError as exc:
            raise request.not_found() from exc
        if not entry.scan:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(entry, "scan", filename=entry.scan_filename)
            .get_response(as_attachment=True)
        )

    @http.route(
        ["/my/votes/<int:vote_id>/paper/proxy"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_vote_paper_proxy(self, vote_id, voter=None, proxy_login=None, **kw):
        vote = self._scrutineer_vote_or_404(vote_id)
        unit_id, _sep, owner_id = (voter or "").partition("-")
        data, filename = self._upload("authorisation")
        try:
            vote.with_env(request.env)._portal_record_proxy(
                request.env.user.partner_id,
                int(unit_id) if unit_id.isdigit() else 0,
                int(owner_id) if owner_id.isdigit() else 0,
                proxy_login,
                data,
                filename,
            )
        except (AccessError, UserError) as exc:
            return self._paper_page(vote, error=exc.args[0])
        return request.redirect(f"/my/votes/{vote_id}/paper")
