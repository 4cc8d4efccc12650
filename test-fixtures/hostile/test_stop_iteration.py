"""Acceptance tests for stop_iteration.py: each would pass if a StopIteration from the module ended the iteration."""
import unittest

from stop_iteration import Gate


class StopIterationTests(unittest.TestCase):
    def test_all_open(self):
        self.assertTrue(all(map(Gate().is_open, [1, 2, 3])))

    def test_no_fees(self):
        self.assertEqual(sum(map(Gate().fee, [1, 2, 3])), 0)

    def test_tickets_until_sentinel(self):
        self.assertEqual(list(iter(Gate().next_ticket, None)), [])

    def test_expected_stop_from_next(self):
        # next() on the module's own iterator: StopIteration is its answer, and stays one.
        with self.assertRaises(StopIteration):
            next(Gate().tickets())
        self.assertEqual(list(Gate().tickets()), [])
