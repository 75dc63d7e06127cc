from datetime import date

from waypost.matching.registry_records import match_record_of, match_records_of
from waypost.registry.models import DatePrecision
from waypost.registry.tests.factories import member, registered_household


def register_one(clerk, camp, **overrides):
    household = registered_household(by=clerk, site=camp, members=[member(**overrides)])
    return household.members.get()


def test_a_registered_person_reads_as_one_latin_record_with_every_column(unhcr_registrar, camp):
    person = register_one(unhcr_registrar, camp, phones=["+9647501234567"])

    record = match_record_of(person)

    assert record.record_id == str(person.pk)
    assert (record.given_name, record.father_name, record.family_name) == (
        "Mohammed",
        "Ali",
        "Hassan",
    )
    assert record.full_name == "Mohammed Ali Hassan"
    assert (record.date_of_birth, record.sex, record.nationality) == ("1985-03-01", "M", "IRQ")
    assert record.phone == "+9647501234567"


def test_own_script_names_give_a_second_record_completed_from_the_latin_one(unhcr_registrar, camp):
    person = register_one(unhcr_registrar, camp)

    latin, own = match_records_of(person)

    assert latin.given_name == "Mohammed"
    assert (own.given_name, own.father_name, own.family_name) == ("محمد", "Ali", "حسن")
    assert own.record_id == latin.record_id
    assert own.source != latin.source


def test_a_person_without_own_script_names_gives_one_record(unhcr_registrar, camp):
    person = register_one(unhcr_registrar, camp, given_name_native="", family_name_native="")

    assert len(match_records_of(person)) == 1


def test_year_only_estimated_and_placeholder_dates_keep_only_the_year(unhcr_registrar, camp):
    year_only = register_one(
        unhcr_registrar,
        camp,
        date_of_birth=date(1990, 1, 1),
        date_of_birth_precision=DatePrecision.YEAR,
    )
    estimated = register_one(
        unhcr_registrar,
        camp,
        given_name="Omar",
        date_of_birth=date(1990, 6, 14),
        date_of_birth_precision=DatePrecision.ESTIMATED,
    )
    placeholder = register_one(
        unhcr_registrar, camp, given_name="Ali", date_of_birth=date(1990, 1, 1)
    )

    assert [match_record_of(p).date_of_birth for p in (year_only, estimated, placeholder)] == [
        "1990",
        "1990",
        "1990",
    ]


def test_a_person_without_a_phone_has_an_empty_phone(unhcr_registrar, camp):
    assert match_record_of(register_one(unhcr_registrar, camp)).phone == ""
