"""Referral-system export: invitations product users sent, and the sign-ups they led to.

Users acquired through the referral channel mostly signed up through an invitation sent by
an earlier user; the invitation's delay to sign-up is usually days, sometimes beyond the
30-day conversion window. Many more invitations are never accepted.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib

from .core import Company, local_iso
from .writer import TableWriter

SOURCE = "referrals"


def _email_hash(number: int) -> str:
    return hashlib.sha256(f"invitee{number}@example.com".encode()).hexdigest()


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    users = sorted(company.users, key=lambda user: user.signed_up_at)
    signup_times = [user.signed_up_at for user in users]

    def inviter_before(moment: dt.datetime):
        """A random user who had signed up before the moment, or None."""
        known = bisect.bisect_left(signup_times, moment)
        return users[rng.randrange(known)] if known else None

    def rows():
        planned = []
        # Invitations that led to a sign-up: most users of the referral channel.
        for user in users:
            if user.acquisition_channel != "referral" or rng.random() < 0.2:
                continue
            delay = dt.timedelta(days=rng.uniform(0.02, 44) if rng.random() < 0.15 else rng.uniform(0.02, 9))
            sent = user.signed_up_at - delay
            inviter = inviter_before(sent)
            if inviter is None or sent < company.start_at:
                continue
            planned.append((sent, inviter, user))
        # Invitations never accepted: about four per accepted one, growing with the user base.
        for month_index in range(company.months):
            for _ in range(company.scaled(28 * company.growth(month_index))):
                sent = company.random_time_in_month(rng, month_index)
                inviter = inviter_before(sent)
                if inviter is not None:
                    planned.append((sent, inviter, None))
        planned.sort(key=lambda plan: (plan[0], plan[1].user_id))
        for number, (sent, inviter, invitee) in enumerate(planned, start=1):
            row = (
                f"INV{number:08d}",
                inviter.user_id,
                local_iso(sent, inviter.utc_offset_minutes),
                _email_hash(number),
                invitee.user_id if invitee else None,
                local_iso(invitee.signed_up_at, invitee.utc_offset_minutes) if invitee else None,
            )
            yield row
            if rng.random() < 0.003:
                yield row

    writer.write(
        SOURCE,
        "invitations",
        ["invitation_id", "inviter_user_id", "sent_at", "invitee_email_hash", "signed_up_user_id", "signed_up_at"],
        rows(),
    )
