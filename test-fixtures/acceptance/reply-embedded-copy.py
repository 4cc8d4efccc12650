"""Acceptance tests for the plant swap shelf, with a stand-in registry so they run on their own."""

import unittest


class PlantSwapRegistry:
    """A small stand-in for the real registry."""

    def __init__(self) -> None:
        self.plants: dict[str, list] = {}

    def add_plant(self, name: str, cuttings: int) -> dict:
        plant_id = f"P{len(self.plants) + 1}"
        self.plants[plant_id] = [name, cuttings]
        return {"success": True, "message": f"Added {cuttings} cutting(s) of {name} as {plant_id}.", "data": plant_id}


class PlantSwapAcceptance(unittest.TestCase):
    def setUp(self) -> None:
        self.registry = PlantSwapRegistry()

    def test_us001_ac1_add(self) -> None:
        self.assertEqual(self.registry.add_plant("Spider Plant", 3)["message"], "Added 3 cutting(s) of Spider Plant as P1.")


if __name__ == "__main__":
    unittest.main()
