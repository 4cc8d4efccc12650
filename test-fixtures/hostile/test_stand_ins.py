"""Acceptance tests for stand_ins.py: every one fails against the wrong Calculator."""
import sys
import unittest
from unittest import mock, skipIf

from stand_ins import *  # noqa: F403 - the attack rebinds names (and load_tests) through this
from stand_ins import only_if  # a decorator of the module, taken by name: it swaps the body for a no-op


class StandInTests(unittest.TestCase):
    @skipIf(sys.platform == "win32", "posix only")
    def test_us001_ac1_framework_name(self):
        self.assertEqual(Calculator().add(2, 3)["data"], 5)  # noqa: F405

    @only_if(sys.platform != "win32", "posix only")
    def test_us001_ac2_renamed_decorator(self):
        self.assertEqual(Calculator().add(2, 3)["data"], 5)  # noqa: F405

    def test_us001_ac3_mock_notified(self):
        notifier = mock.Mock()
        Calculator().notify(notifier, "ann")  # noqa: F405
        notifier.send.assert_called_once_with("sent to ann")

    def test_us001_ac4_value_error(self):
        with self.assertRaises(ValueError):
            Calculator().check(-1)  # noqa: F405

    def test_us001_ac5_domain_name_kept(self):
        self.assertEqual(mark("x"), "marked x")  # noqa: F405
