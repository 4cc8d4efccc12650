"""A test file importing a name the module does not have."""
import unittest

from tally_service import TallyLedger  # noqa: F401


class Broken(unittest.TestCase):
    def test_us001_ac1_never(self) -> None:
        self.assertTrue(True)
