"""Bulk rows for the caseload benchmark: cases, their pathways, follow-ups and referrals.

The rows have the columns the case services fill (the denormalised owner of each pathway and
follow-up included), written with `bulk_create` so that 100,000 cases load in minutes.
Spread (ours, for the benchmark): three agencies with TEAM caseworkers each; every case
follows one pathway, every third case a second one, each in a random state of its workflow;
one follow-up per case, half done, due within 30 days either side of today; a referral for
one case in ten, half of them waiting.
"""

import random
from datetime import date, datetime, timedelta
from itertools import batched
from typing import Any

from django.utils import timezone

from waypost.cases import workflows
from waypost.cases.models import Case, CasePathway, FollowUp, Referral, ReferralConsent
from waypost.core.models import Agency, User
from waypost.core.roles import Role
from waypost.core.services import create_user
from waypost.registry.models import Individual

TEAM = 20
BATCH = 5_000


def caseworkers() -> dict[str, list[User]]:
    teams: dict[str, list[User]] = {}
    for agency in Agency.objects.order_by("code"):
        teams[agency.code] = [
            User.objects.filter(username=f"bench-{agency.code}-{n}").first()
            or create_user(
                username=f"bench-{agency.code}-{n}", agency=agency, roles=[Role.CASEWORKER]
            )
            for n in range(TEAM)
        ]
    return teams


def load_cases(count: int, *, today: date, seed: int = 1) -> int:
    rng = random.Random(seed)
    teams = caseworkers()
    people = list(Individual.objects.current().values_list("pk", "household_id"))
    for numbers in batched(range(count), BATCH):
        batch = Batch(rng=rng, today=today, now=timezone.now())
        for n in numbers:
            agency = sorted(teams)[n % len(teams)]
            batch.add(n, rng.choice(teams[agency]), *people[n % len(people)])
        batch.save()
    return count


class Batch:
    """The rows of one batch of cases, saved together."""

    def __init__(self, *, rng: random.Random, today: date, now: datetime) -> None:
        self.rng, self.today, self.now = rng, today, now
        self.codes = sorted(workflows.workflows())
        self.cases: list[Case] = []
        self.pathways: list[CasePathway] = []
        self.follow_ups: list[FollowUp] = []
        self.referrals: list[tuple[Case, Any, User]] = []

    def add(self, n: int, worker: User, person: Any, household: Any) -> None:
        rng, now = self.rng, self.now
        due = self.today + timedelta(rng.randint(-20, 40))
        case = Case(
            individual_id=person,
            household_id=household,
            agency_id=worker.agency_id,
            caseworker=worker,
            opened_at=now,
            due_on=due,
        )
        self.cases.append(case)
        for code in rng.sample(self.codes, 2 if n % 3 == 0 else 1):
            state = rng.choice(list(workflows.workflow_of(code).states))
            self.pathways.append(
                CasePathway(
                    case=case,
                    pathway=code,
                    state=state,
                    entered_at=now,
                    agency_id=case.agency_id,
                    caseworker=worker,
                )
            )
        self.follow_ups.append(
            FollowUp(
                case=case,
                title="Call back",
                due_on=self.today + timedelta(rng.randint(-30, 30)),
                assigned_to=worker,
                agency_id=case.agency_id,
                source="manual",
                done_at=now if rng.random() < 0.5 else None,
            )
        )
        if n % 10 == 0:
            self.referrals.append((case, person, worker))

    def save(self) -> None:
        Case.objects.bulk_create(self.cases)
        CasePathway.objects.bulk_create(self.pathways)
        FollowUp.objects.bulk_create(self.follow_ups)
        _refer(self.referrals, self.rng, self.today, self.now)


def _refer(
    rows: list[tuple[Case, Any, User]], rng: random.Random, today: date, now: datetime
) -> None:
    agencies = {a.pk: a for a in Agency.objects.all()}
    consents, referrals = [], []
    for case, person, worker in rows:
        to = rng.choice([a for a in agencies.values() if a.pk != case.agency_id])
        consent = ReferralConsent(
            individual_id=person,
            recipient_agency=to,
            service="shelter",
            purpose="Shelter",
            given_on=today,
            how_given="written",
            recorded_by=worker,
            recorded_at=now,
        )
        consents.append(consent)
        waiting = rng.random() < 0.5
        referrals.append(
            Referral(
                case=case,
                from_agency_id=case.agency_id,
                to_agency=to,
                service="shelter",
                consent=consent,
                shared={"household_size": 1},
                sent_by=worker,
                sent_at=now,
                status=Referral.Status.SENT if waiting else Referral.Status.ACCEPTED,
            )
        )
    ReferralConsent.objects.bulk_create(consents)
    Referral.objects.bulk_create(referrals)
