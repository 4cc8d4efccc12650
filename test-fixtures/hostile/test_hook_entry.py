"""Acceptance tests for hook_entry.py: every answer is right; every read of the tests must reach the audit hook."""
import unittest

from hook_entry import Entry


class HookEntryTests(unittest.TestCase):
    def test_interrupt_main(self):
        answer = Entry().interrupt_main()
        self.assertEqual(answer["data"], 1)
        self.assertEqual(answer["message"], "0 unjudged")

    def test_own_handler(self):
        answer = Entry().own_handler()
        self.assertEqual(answer["data"], 2)
        self.assertEqual(answer["message"], "no handler")
