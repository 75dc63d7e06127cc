"""Use cases of case management; each is one transaction with its audit events."""

from waypost.cases.services.cases import open_case, update_case
from waypost.cases.services.followups import complete_follow_up, schedule_follow_up, send_reminders
from waypost.cases.services.notes import write_note
from waypost.cases.services.pathways import add_pathway, move_pathway
from waypost.cases.services.referrals import answer_referral, record_referral_consent, refer_case

__all__ = [
    "add_pathway",
    "answer_referral",
    "complete_follow_up",
    "move_pathway",
    "open_case",
    "record_referral_consent",
    "refer_case",
    "schedule_follow_up",
    "send_reminders",
    "update_case",
    "write_note",
]
