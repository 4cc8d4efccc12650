"""Local stand-ins for objects living in the module server (stdlib only).

A ``RemoteObject`` is a handle: attribute reads, calls, comparisons, ``len``, indexing and
iteration are forwarded to the module process and their results come back by copy or as
further handles. ``ProxyMeta`` makes the stand-in classes: calling one builds a remote
instance, its attributes are read remotely. The link is ``module_proxy.ModuleLink``.
"""

import builtins

import proxy_wire

# Frames of the proxy machinery are left out of test failure tracebacks (unittest, pytest).
__unittest = True
__tracebackhide__ = True


class ProxyError(Exception):
    """The proxy could not carry an operation (the module process died, a stale handle ...)."""


def _is_dunder(name):
    return name.startswith("__") and name.endswith("__")


class _RemoteClassMeta(type):
    """Calls build a remote instance; attribute reads are answered by the module process."""

    def __call__(cls, *args, **kwargs):
        return cls._bs_link.op("call", cls, args=list(args), kwargs=kwargs)

    def __getattr__(cls, name):
        if _is_dunder(name) or name.startswith("_bs_"):
            raise AttributeError(name)
        return cls._bs_link.op("getattr", cls, name=name)


class ProxyMeta(_RemoteClassMeta):
    """Metaclass of the stand-ins for the module's classes."""

    def __repr__(cls):
        return f"<class '{cls.__module__}.{cls.__name__}' (in the module process)>"


class MirrorErrorMeta(_RemoteClassMeta):
    """Metaclass of the local mirrors of the module's exceptions: built and read remotely."""


class RemoteMethod:
    """A bound method of a remote object: one round trip per call."""

    __slots__ = ("_bs_link", "_bs_self", "_bs_method")

    def __init__(self, link, owner, name):
        self._bs_link = link
        self._bs_self = owner
        self._bs_method = name

    def __call__(self, *args, **kwargs):
        return self._bs_link.op("callattr", self._bs_self, name=self._bs_method, args=list(args), kwargs=kwargs)

    def _bs_encode(self, link):
        return ["method", link.codec._encode(self._bs_self, 1), self._bs_method]

    @property
    def __name__(self):
        return self._bs_method

    def __repr__(self):
        return f"<bound method {self._bs_method} (in the module process)>"


class RemoteObject:
    """A handle on an object in the module process."""

    def _bs_bind(self, link, key, type_name):
        object.__setattr__(self, "_bs_link", link)
        object.__setattr__(self, "_bs_key", key)
        object.__setattr__(self, "_bs_type", type_name)

    def _bs_encode(self, link):
        generation, ident = self._bs_key
        if link is not self._bs_link or generation != link.generation:
            raise ProxyError("an object from before the module process was restarted (after a hang or a crash)")
        return ["ref", ident]

    def _bs_apply(self, name, *args):
        return self._bs_link.op("apply", self, name=name, args=list(args))

    _bs_methods = frozenset()
    _bs_fields = None

    def __getattr__(self, name):
        if name.startswith("_bs_") or name in ("__length_hint__", "__array__", "__array_interface__"):
            raise AttributeError(name)
        if name in type(self)._bs_methods:
            return RemoteMethod(self._bs_link, self, name)  # a plain method of the class: one round trip per call
        return self._bs_link.op("getattr", self, name=name)

    def __setattr__(self, name, value):
        self._bs_link.op("setattr", self, name=name, value=value)

    def __delattr__(self, name):
        self._bs_link.op("delattr", self, name=name)

    def __call__(self, *args, **kwargs):
        return self._bs_link.op("call", self, args=list(args), kwargs=kwargs)

    # copy.copy / copy.deepcopy of a handle copy the object in the module process: a new handle.
    def __copy__(self):
        return self._bs_apply("copy")

    def __deepcopy__(self, memo):
        return self._bs_apply("deepcopy")

    def __repr__(self):
        return _text(self._bs_apply("repr"), "__repr__")

    def __str__(self):
        return _text(self._bs_apply("str"), "__str__")

    def __format__(self, spec):
        return _text(self._bs_apply("format", spec), "__format__")

    def __hash__(self):
        fields = type(self)._bs_fields
        return hash(_fields(self, fields)) if fields is not None else hash(self._bs_key)

    def __bool__(self):
        return self._bs_apply("bool") is True

    def __len__(self):
        value = self._bs_apply("len")
        if type(value) is not int or value < 0:
            raise TypeError("__len__ returned a bad value")
        return value

    def __iter__(self):
        iterator = self._bs_apply("iter")
        while True:
            batch = iterator._bs_apply("batch") if isinstance(iterator, RemoteObject) else None
            if not (isinstance(batch, list) and len(batch) == 2 and isinstance(batch[0], list)):
                raise TypeError("the module process sent a malformed iteration batch")
            yield from batch[0]
            if batch[1] is True:
                return

    def __next__(self):
        return self._bs_apply("next")

    def __contains__(self, item):
        # Iterated here (copies), so the module never sees the item it is asked about.
        return any(value is item or value == item for value in self)

    def __getitem__(self, key):
        return self._bs_apply("getitem", key)

    def __setitem__(self, key, value):
        self._bs_apply("setitem", key, value)

    def __delitem__(self, key):
        self._bs_apply("delitem", key)

    # Comparisons are decided here, never by the module's code: a remote __eq__ sees the test's
    # expected value and could say yes to anything. A handle equals itself; two handles of one
    # dataclass compare their fields' copies; nothing else is equal, and handles have no order.
    def __eq__(self, other):
        if other is self:
            return True
        fields = type(self)._bs_fields
        if fields is None or type(other) is not type(self):
            return NotImplemented
        return _fields(self, fields) == _fields(other, fields)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __lt__(self, other):
        return NotImplemented

    def __le__(self, other):
        return NotImplemented

    def __gt__(self, other):
        return NotImplemented

    def __ge__(self, other):
        return NotImplemented

    # Binary arithmetic is not forwarded either: assertAlmostEqual(handle, 5) computes handle - 5,
    # and a remote __sub__ that sees the 5 could answer 0.
    def __add__(self, other):
        return NotImplemented

    def __sub__(self, other):
        return NotImplemented

    def __mul__(self, other):
        return NotImplemented

    def __truediv__(self, other):
        return NotImplemented

    def __neg__(self):
        return self._bs_apply("neg")

    def __abs__(self):
        return self._bs_apply("abs")

    def __int__(self):
        return int(self._bs_apply("int"))

    def __float__(self):
        return float(self._bs_apply("float"))

    def __index__(self):
        return int(self._bs_apply("index"))

    def __enter__(self):
        return self._bs_apply("enter")

    def __exit__(self, kind, value, traceback):
        suppress = self._bs_apply("exit", kind, value, None)
        # The module may swallow only its own exceptions, never the test's assertion errors.
        return suppress is True and value is not None and hasattr(value, "_bs_described")

    def __dir__(self):
        names = self._bs_apply("dir")
        return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []


def _text(value, what):
    if type(value) is not str:
        raise TypeError(f"{what} returned a non-string")
    return value


def _fields(handle, names):
    return tuple(handle._bs_link.op("getattr", handle, name=name) for name in names)


def builtin_exception(name):
    """The built-in exception class named ``name``, or None."""
    value = builtins.__dict__.get(name)
    return value if isinstance(value, type) and issubclass(value, BaseException) else None


def builtin_name(cls):
    """The name of the nearest built-in class in ``cls``'s MRO (``Exception`` at worst)."""
    for base in cls.__mro__:
        if builtins.__dict__.get(base.__name__) is base:
            return base.__name__
    return "Exception"


def rebuild_exception(mirrors, described):
    """A local exception for one the module raised: its mirror class (``mirrors`` by name), or the built-in one."""
    if not isinstance(described, dict):
        return ProxyError("the module process sent a malformed exception")
    name = str(described.get("type"))[:100]
    message = str(described.get("message", ""))[:2000]
    args = [arg for arg in described.get("args", []) if type(arg) in proxy_wire.SCALARS][:20] \
        if isinstance(described.get("args"), list) else []
    cls = mirrors.get(name) if described.get("module") is True else None
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        # By name only when it is the built-in itself: a class of the module's named ValueError is not one.
        builtin = str(described.get("builtin"))
        cls = (builtin_exception(name) if name == builtin else None) or builtin_exception(builtin) or RuntimeError
    if not issubclass(cls, Exception):
        cls, args = RuntimeError, [f"the module raised {name}: {message}"]
    try:
        # A mirror is built without running its (remote) constructor.
        error = cls.__new__(cls, *args) if isinstance(cls, MirrorErrorMeta) else cls(*args)
    except Exception:  # noqa: BLE001 - e.g. UnicodeDecodeError wants five arguments
        error = RuntimeError(f"{name}: {message}")
    attrs = described.get("attrs")
    for key, value in (attrs.items() if isinstance(attrs, dict) else ()):
        if isinstance(key, str) and key.isidentifier() and not key.startswith("_") and type(value) in proxy_wire.SCALARS:
            try:
                setattr(error, key, value)
            except (AttributeError, TypeError):
                pass
    if mirrors.get(name) is type(error):
        error._bs_message = message
    error._bs_described = described
    frames = described.get("frames")
    if isinstance(frames, list) and frames and isinstance(frames[-1], dict):
        error.add_note(f"(raised in the module at line {frames[-1].get('line')}, in {str(frames[-1].get('function'))[:100]})")
    return error
