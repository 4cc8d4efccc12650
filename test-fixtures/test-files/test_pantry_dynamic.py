"""Dynamic code the API checks must leave alone: nothing here is a finding."""

import unittest

import pantry_tracker
from pantry_tracker import PantryTracker


class Wrapper:
    def add_item(self, *parts: object) -> dict:
        return {"message": " ".join(map(str, parts))}


class TestDynamic(unittest.TestCase):
    def setUp(self) -> None:
        self.shelf = PantryTracker()

    def test_us001_ac1_rebound_name(self) -> None:
        tracker = PantryTracker()
        tracker = Wrapper()
        tracker.add_item("rice", 3, "extra", "words")

    def test_us001_ac2_unpacked(self) -> None:
        first, second = PantryTracker(), Wrapper()
        second.add_item(1, 2, 3, 4)
        for each in (PantryTracker(), Wrapper()):
            each.add_item("x", 1)

    def test_us002_ac1_splat_and_getattr(self) -> None:
        arguments = ("rice", 3)
        self.shelf.add_item(*arguments)
        getattr(self.shelf, "add_item")("rice", 3, 4)
        factory = getattr(pantry_tracker, "PantryTracker")
        factory().use_item("rice", 1)

    def test_us002_ac2_swapped_attribute(self) -> None:
        self.other = PantryTracker()
        self.other = Wrapper()
        self.other.add_item("a", "b", "c")
        self.shelf._items.clear()
        self.shelf.list_items()


class TestStubs(unittest.TestCase):
    def test_us001_ac1_stubbed_method(self) -> None:
        tracker = PantryTracker()
        tracker.add_item = lambda *parts: {"message": "stub"}
        tracker.add_item("rice", 3, "more")

    def test_us001_ac2_patched_method(self) -> None:
        from unittest import mock

        tracker = PantryTracker()
        with mock.patch.object(tracker, "use_item", return_value={}):
            tracker.use_item()
        PantryTracker.add_item(tracker, "rice", 3)
