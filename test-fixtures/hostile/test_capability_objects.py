"""Acceptance tests for capability_objects.py: a connection or a socket of the test is refused to the module."""
import socket
import sqlite3
import unittest

from capability_objects import Store


class StoreTests(unittest.TestCase):
    def test_us001_ac1_connection_refused(self):
        connection = sqlite3.connect(":memory:")
        self.assertEqual(Store().save(connection)["message"], "PermissionError")

    def test_us001_ac2_socket_refused(self):
        left, right = socket.socketpair()
        with left, right:
            self.assertEqual(Store().send(left)["message"], "PermissionError")
