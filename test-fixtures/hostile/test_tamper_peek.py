"""Checks that the module's process cannot see the trusted test process's descriptors or memory."""
import unittest

from tamper_tests import Calculator


class PeekTest(unittest.TestCase):
    def test_us001_ac1_parent_is_opaque(self):
        self.assertEqual(Calculator().peek_parent(), "PermissionError PermissionError")
