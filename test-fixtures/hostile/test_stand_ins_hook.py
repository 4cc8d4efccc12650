"""Acceptance test for stand_ins.py that imports the module's load_tests by name: it must still fail."""
import unittest

from stand_ins import Calculator, load_tests  # noqa: F401 - the module's hook, taken by name


class HookTests(unittest.TestCase):
    def test_us003_ac1_adds(self):
        self.assertEqual(Calculator().add(2, 3)["data"], 5)
