"""Every write of relocation: places at safe locations, answers, plans, confirmed moves."""

from waypost.relocation.services.capacity import set_places
from waypost.relocation.services.confirm import confirm_plan
from waypost.relocation.services.consent import latest_answer, record_relocation_answer
from waypost.relocation.services.plans import change_move, make_plan

__all__ = [
    "change_move",
    "confirm_plan",
    "latest_answer",
    "make_plan",
    "record_relocation_answer",
    "set_places",
]
