"""The options guide: which legal and practical options may be open to a person.

The rules are data (`waypost/counselling/data/options/`), written so that a lawyer can review and
change them without touching code: each option has rules with a legal basis, conditions in a small
declarative language (`conditions.py`), checks that the facts cannot settle, documents, time
limits, next steps, sources and verification marks, and validity dates so that a rule that changed
on a date (Dublin III → AMMR on 1 July 2026) is chosen by the date that matters. `data.py` reads and
compiles the files once; `evaluate.py` applies them to one person's facts.
"""

from waypost.counselling.guide.evaluate import OptionResult, Status, evaluate_options
from waypost.counselling.guide.facts import Facts, FamilyMember

__all__ = ["Facts", "FamilyMember", "OptionResult", "Status", "evaluate_options"]
