from waypost.demo.organisation import set_up_operation
from waypost.demo.relocation import load_demo_relocation
from waypost.relocation.selectors import places_at_safe_locations


def test_the_demo_safe_locations_are_loaded_once(db):
    set_up_operation()
    assert load_demo_relocation()
    assert not load_demo_relocation()
    places = {row.location.site.code: row.total_free for row in places_at_safe_locations()}
    assert places == {"LOG": 1000, "SHL": 150, "MED": 20}
