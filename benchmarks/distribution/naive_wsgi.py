"""The baseline server for the redemption benchmark: the same endpoint with check-then-insert.

What a first version would do without the database's guarantee: ask whether the entitlement was
already redeemed, and insert if not. The benchmark drops the `one_redemption_per_entitlement`
constraint from its throwaway database before starting this server, so nothing but the check
stands between two points and the same card. Never served outside the benchmark.
"""

import os

from waypost.wsgi import application  # sets Django up: the models below need it

# isort: split
from django.core.exceptions import ValidationError

from benchmarks.databases import ISOLATED_FLAG
from waypost.distribution import api
from waypost.distribution.models import Redemption
from waypost.distribution.services import handover as handover_module
from waypost.distribution.services import redemptions

if os.environ.get(ISOLATED_FLAG) != "1":
    raise SystemExit("The naive baseline runs only against a benchmark's throwaway database.")

real_record = handover_module.record_handover


def check_then_insert(*, handover, lines):
    ids = [line.entitlement.pk for line in lines]
    if Redemption.objects.filter(entitlement_id__in=ids).exists():
        raise ValidationError("Already handed out.")
    return real_record(handover=handover, lines=lines)


# `redeem` calls the name it imported into its own module: replace it there.
setattr(redemptions, "record_handover", check_then_insert)  # noqa: B010
__all__ = ["api", "application"]
