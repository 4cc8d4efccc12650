import unittest


class PantryTracker:
    """A stand-in written by the test author: the tests below never touch the real module."""

    def __init__(self) -> None:
        self.items = {}

    def add_item(self, name, quantity):
        self.items[name] = quantity
        return {"success": True, "message": f"Added {quantity} x {name} to the pantry.", "data": {}}


def format_quantity(amount, unit="g"):
    return f"{amount} {unit}"


class TestStock(unittest.TestCase):
    def test_us001_ac1_add(self) -> None:
        result = PantryTracker().add_item("rice", 3)
        self.assertEqual(result["message"], "Added 3 x rice to the pantry.")
