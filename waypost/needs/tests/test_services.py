import pytest
from django.core.exceptions import ValidationError

from waypost.core.models import AuditEvent
from waypost.needs.models import RecordedSize
from waypost.needs.services import record_size, record_sizes


def test_recording_a_size_replaces_the_last_and_is_audited(family, clerk):
    ahmed = family.members.get(given_name="Ahmed")
    record_size(by=clerk, individual=ahmed, size_system="eu_shoe", code="EU30")
    record_size(by=clerk, individual=ahmed, size_system="eu_shoe", code="EU32")
    assert list(RecordedSize.objects.values_list("code", flat=True)) == ["EU32"]
    event = AuditEvent.objects.filter(action="needs.size_recorded").latest("at")
    assert event.subject_id == str(ahmed.pk)
    assert event.fields == {"size_eu_shoe": ["EU30", "EU32"]}


@pytest.mark.parametrize(("system", "code"), [("eu_shoe", "EU99"), ("", "EU30"), ("hat", "M")])
def test_an_unknown_size_or_system_is_refused(family, clerk, system, code):
    ahmed = family.members.get(given_name="Ahmed")
    with pytest.raises(ValidationError):
        record_size(by=clerk, individual=ahmed, size_system=system, code=code)
    assert not RecordedSize.objects.exists()


def test_sizes_recorded_together_are_all_kept_or_none(family, clerk):
    ahmed = family.members.get(given_name="Ahmed")
    with pytest.raises(ValidationError):
        record_sizes(
            by=clerk,
            individual=ahmed,
            sizes={"eu_shoe": "EU30", "age_band": "XXL"},
            purpose="registration",
        )
    assert not RecordedSize.objects.exists()
    assert not AuditEvent.objects.filter(action="needs.size_recorded").exists()
