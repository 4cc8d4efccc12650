"""An acceptance test that takes far longer than anyone waits: Ctrl-C must not wait for it."""

import time
import unittest

from plant_swap_registry import PlantSwapRegistry


class SlowShelf(unittest.TestCase):
    """The shelf is counted very slowly."""

    def test_us001_ac1_counted_slowly(self) -> None:
        registry = PlantSwapRegistry()
        time.sleep(25)
        self.assertIsNotNone(registry)


if __name__ == "__main__":
    unittest.main()
