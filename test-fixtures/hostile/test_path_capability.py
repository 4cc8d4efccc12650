"""Acceptance tests for path_capability.py: a path is data in the module's process; open is refused."""
import pathlib
import tempfile
import unittest

from path_capability import Exporter


class ExportTests(unittest.TestCase):
    def test_us001_ac1_export_to_a_path(self):
        folder = pathlib.Path(tempfile.mkdtemp())
        result = Exporter().export(folder / "out.csv")
        self.assertEqual((folder / "out.csv").read_text(), "a,b\n")
        self.assertTrue(result["message"].startswith("pathlib.PosixPath "), result["message"])
        self.assertNotIn("wrote fd 3", result["message"])
        self.assertTrue(result["message"].endswith("own process"), result["message"])

    def test_us001_ac2_opener_refused(self):
        self.assertEqual(Exporter().export_with(open)["message"], "PermissionError")

    def test_us001_ac3_generator_frames_refused(self):
        rows = (row for row in [1, 2])
        self.assertEqual(Exporter().climb(rows)["message"], "AttributeError")
