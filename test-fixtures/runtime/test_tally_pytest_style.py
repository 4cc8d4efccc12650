"""pytest-style acceptance tests for tally_service (plain functions and asserts)."""
from tally_service import TallyService


def test_us001_ac1_add_item_plain() -> None:
    assert TallyService().add_item("apple", 3)["data"] == {"name": "apple", "count": 3}


def test_us002_ac1_total_plain() -> None:
    service = TallyService()
    service.add_item("apple", 3)
    service.add_item("pear", 2)
    assert service.total()["data"] == 5
