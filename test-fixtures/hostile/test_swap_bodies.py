"""Acceptance tests for swap_bodies.py: the wrong Counter must fail both counting tests."""
import sys
from unittest import *  # noqa: F403 - the names the module's star import must not rebind

from swap_bodies import *  # noqa: F403
from swap_bodies import only_if


class CounterTests(TestCase):  # noqa: F405
    @only_if(True)
    def test_us001_ac1_trivial(self):
        self.assertTrue(True)

    @skipIf(sys.platform == "win32", "posix only")  # noqa: F405
    def test_us001_ac2_next(self):
        self.assertEqual(Counter().next(1), 2)  # noqa: F405

    @only_if(True)
    def test_us001_ac3_next_again(self):
        self.assertEqual(Counter().next(2), 3)  # noqa: F405
