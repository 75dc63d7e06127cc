"""What the needs computation reads besides the registry: sizes recorded for people."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from waypost.registry.models import Individual
from waypost.stock.models import SizeSystem


class RecordedSize(models.Model):
    """A person's size in one size system (an EU shoe size), measured or asked at a distribution.

    When one exists the needs computation uses it instead of estimating the size from age.
    """

    individual = models.ForeignKey(
        Individual, on_delete=models.CASCADE, related_name="recorded_sizes"
    )
    size_system = models.CharField(max_length=20, choices=SizeSystem.choices)
    code = models.CharField(max_length=20)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["individual", "size_system"], name="one_recorded_size_per_system"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.individual_id} {self.size_system} {self.code}"
