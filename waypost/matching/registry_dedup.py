"""`waypost dedup --registry`: the batch run over everyone registered, into the review queue.

A system job: it reads every current (not merged) individual of every agency, one record per
person (`registry_records.match_record_of`), and hands each pair at the threshold to
`services.propose_duplicates` as a batch proposal. Nothing is merged here: people decide in the
review queue, and pairs they already decided are never proposed again.
"""

from waypost.matching.batch import Progress, deduplicate
from waypost.matching.models import Source
from waypost.matching.registry_records import match_record_of
from waypost.matching.services import propose_duplicates
from waypost.registry.models import Individual

# Rows read from the database at a time (with their phones), to keep memory flat.
READ_CHUNK = 2000


def deduplicate_registry(*, threshold: float, backend: str, progress: Progress | None) -> int:
    """How many proposals were opened or raised."""
    people = Individual.objects.current().prefetch_related("phones").order_by("pk")
    records = [match_record_of(person) for person in people.iterator(chunk_size=READ_CHUNK)]
    result = deduplicate(records, threshold=threshold, backend=backend, progress=progress)
    return propose_duplicates(
        ((pair.id_a, pair.id_b, pair.score) for pair in result.pairs), source=Source.BATCH
    )
