"""The naive loop of the cold-risk benchmark gives the same scores as the grouped computation,
so the benchmark compares like with like."""

from benchmarks.safety.risk_worker import naive_scores
from waypost.core.roles import Role
from waypost.registry.models import Individual
from waypost.registry.tests.factories import registered_household
from waypost.safety.population import assess_people
from waypost.safety.selectors import rules_in_force
from waypost.safety.tests.factories import weather


def test_the_naive_loop_scores_as_the_grouped_computation(
    unhcr_registrar, make_persona, unhcr, camp
):
    coordinator = make_persona(unhcr, Role.SITE_COORDINATOR)
    registered_household(by=unhcr_registrar, site=camp)
    weather(by=coordinator, site=camp, temperature=-14, wind=25)
    rules = rules_in_force()

    grouped = {p.individual_id: (p.score, p.tier) for p in assess_people(sites=[camp], rules=rules)}
    naive = naive_scores(list(Individual.objects.current()), rules)

    assert naive == grouped
    assert len(grouped) == 5
