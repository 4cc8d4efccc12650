"""Acceptance tests for interrupt_hook.py: every answer is right; what the hook blocked must still be reported."""
import unittest

from interrupt_hook import Sneaky


class InterruptHookTests(unittest.TestCase):
    def test_trace_jump(self):
        self.assertEqual(Sneaky().trace_jump()["data"], 1)

    def test_raise_while_judging(self):
        self.assertEqual(Sneaky().raise_while_judging()["data"], 2)

    def test_signal_while_judging(self):
        self.assertEqual(Sneaky().signal_while_judging()["data"], 3)

    def test_raise_in_repr(self):
        self.assertEqual(Sneaky().raise_in_repr()["data"], 4)

    def test_forge_package(self):
        self.assertEqual(Sneaky().forge_package()["data"], 5)

    def test_warnings_flood(self):
        self.assertEqual(Sneaky().warnings_flood()["data"], 6)
