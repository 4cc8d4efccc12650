"""A test that patches the module's globals: it cannot go through the proxy and runs in-process."""
import unittest
from unittest import mock

import tamper_tests


class PatchedTest(unittest.TestCase):
    @mock.patch("tamper_tests.ATTACK", "none")
    def test_us001_ac1_patched(self):
        self.assertEqual(tamper_tests.Calculator().add(2, 3), -1)
