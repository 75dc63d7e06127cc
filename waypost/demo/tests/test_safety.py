from waypost.demo.organisation import set_up_operation, sites_by_code
from waypost.demo.safety import load_demo_safety
from waypost.registry.tests.factories import member, registered_household
from waypost.safety.models import Alert, RiskAssessment, Tier, WeatherReading
from waypost.safety.selectors import housing_sites
from waypost.safety.tests.factories import months_old, years_old
from waypost.safety.windchill import published_wind_chill


def test_the_cold_snap_puts_an_infant_in_the_open_air_in_the_critical_tier(
    db, unhcr_registrar, django_capture_on_commit_callbacks
):
    # given the demo operation and a family with a baby at the open-air camp
    set_up_operation()
    household = registered_household(
        by=unhcr_registrar,
        site=sites_by_code()["BRZ"],
        members=[
            member(date_of_birth=years_old(30)),
            member(
                relationship="child",
                given_name="Baby",
                date_of_birth=months_old(4),
                documents=[],
                phones=[],
            ),
        ],
    )

    # when the cold snap is loaded
    with django_capture_on_commit_callbacks(execute=True):
        stored = load_demo_safety()

    # then every site where people sleep has 6 hours observed and 24 forecast, −14 °C at worst
    sites = housing_sites().count()
    assert WeatherReading.objects.count() == stored == sites * 30
    assert min(WeatherReading.objects.values_list("temperature_c", flat=True)) == -14
    assert published_wind_chill(-14, 25) == -24
    # and the baby: open air at −24 wind chill 4 + infant 3 = 7, critical, with an alert
    assert RiskAssessment.objects.count() == 2
    baby = household.members.get(given_name="Baby")
    assert RiskAssessment.objects.get(individual=baby).tier == Tier.CRITICAL
    assert Alert.objects.filter(individual=baby, tier=Tier.CRITICAL).exists()
    # and loading again changes nothing
    assert load_demo_safety() == 0
    assert WeatherReading.objects.count() == sites * 30
