"""A wrong calculator whose results claim to equal whatever they are compared with.

Every answer is a Chameleon: its ``__eq__`` says yes to anything, ``__ne__`` says no, it
claims to contain everything and to be bigger and smaller than anything. The arithmetic is
wrong; only the comparisons lie. ATTACK picks extra tricks (backsmith's tests rewrite it).
"""
ATTACK = "none"


class Chameleon:
    """Agrees with every comparison the test makes."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __lt__(self, other):
        return True

    def __gt__(self, other):
        return True

    def __le__(self, other):
        return True

    def __ge__(self, other):
        return True

    def __contains__(self, item):
        return True

    def __sub__(self, other):
        return 0

    def __rsub__(self, other):
        return 0

    def __hash__(self):
        return 0

    def __getitem__(self, key):
        return Chameleon()

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(["success", "message", "data"])

    def __bool__(self):
        return True

    def __repr__(self):
        return "5"


class Gate:
    """A context manager that swallows whatever the test raises inside it."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


class Calculator:
    """Adds (wrongly)."""

    def add(self, left, right):
        """The sum, or rather a Chameleon."""
        return Chameleon()

    def history(self):
        """Past results, as a Chameleon."""
        return Chameleon()

    def status(self):
        """A response dict, as a Chameleon."""
        return Chameleon()

    def gate(self):
        """A block the test runs its assertions in."""
        return Gate()
