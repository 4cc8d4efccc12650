"""Prints, as JSON, why each sample test file must run in-process (python/test_isolation.py), or null.

Usage: python3 test_isolation_check.py PYTHON_HELPERS_FOLDER
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import test_isolation  # noqa: E402

SAMPLES = {
    "plain": "from shop import Cart\n\ndef test_total():\n    assert Cart().total() == 0\n",
    "patch-string": "from unittest import mock\nimport shop\n\n@mock.patch('shop.now', lambda: 1)\ndef test_x():\n    pass\n",
    "patch-object": "from unittest.mock import patch\nfrom shop import Cart\n\ndef test_x():\n    with patch.object(Cart, 'limit', 3):\n        pass\n",
    "monkeypatch": "import shop\n\ndef test_x(monkeypatch):\n    monkeypatch.setattr(shop, 'LIMIT', 3)\n",
    "assign-attribute": "import shop as s\n\ndef test_x():\n    s.LIMIT = 3\n",
    "subclass": "from shop import Cart\n\nclass FakeCart(Cart):\n    pass\n",
    "asdict": "import dataclasses\nfrom shop import Item\n\ndef test_x():\n    dataclasses.asdict(Item('a'))\n",
    "other-module-patch": "from unittest import mock\nfrom shop import Cart\n\n@mock.patch('time.time', lambda: 1)\ndef test_x():\n    Cart()\n",
    "local-assignment": "from shop import Cart\n\ndef test_x():\n    cart = Cart()\n    cart.owner = 'me'\n",
    "syntax-error": "def test_x(:\n",
    "deepcopy": "import copy\nfrom shop import Cart\n\ndef test_x():\n    assert copy.deepcopy(Cart()) is not None\n",
    "literal-helper": "import dataclasses, inspect\n\ndef test_x():\n    assert not dataclasses.is_dataclass(3) and inspect.isclass(int)\n",
    "signature": "import inspect\nfrom shop import Cart\n\ndef test_x():\n    cart = Cart()\n    inspect.signature(cart.add)\n",
}
print(json.dumps({name: test_isolation.in_process_reason(source, "shop") for name, source in SAMPLES.items()}))
