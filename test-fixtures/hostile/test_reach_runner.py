"""Acceptance tests for reach_runner.py: every answer is right; the runner's own priority and CPUs must not change."""
import os
import unittest

from reach_runner import Reach


class ReachRunnerTests(unittest.TestCase):
    def setUp(self):
        self.before = (os.getpriority(os.PRIO_PROCESS, 0), os.sched_getaffinity(0))

    def tearDown(self):
        # Runs in the trusted runner: its scheduling is what the module reached for.
        print(f"runner {self.id()} {self.before} -> {(os.getpriority(os.PRIO_PROCESS, 0), os.sched_getaffinity(0))}")

    def check(self, answer, value):
        self.assertEqual(answer["data"], value)
        self.assertEqual((os.getpriority(os.PRIO_PROCESS, 0), os.sched_getaffinity(0)), self.before)

    def test_renice_parent(self):
        self.check(Reach().renice_parent(), 1)

    def test_renice_group(self):
        self.check(Reach().renice_group(), 2)

    def test_pin_parent(self):
        self.check(Reach().pin_parent(), 3)

    def test_renice_self(self):
        self.check(Reach().renice_self(), 4)
