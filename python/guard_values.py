"""Plain values for the sandbox's audit hook (stdlib only): what the hook reads of the module's objects.

These are audit-policy functions (sandbox_guard): they read nothing but their arguments and the ``tools`` tuple
captured when the guard was installed. They never ask the module's objects what they are (isinstance reads an
object's ``__class__``, which can lie), never call a method of a str or bytes subclass (its ``split`` or
``__contains__`` is the module's code), and never call the module's ``__repr__`` (it could raise into the hook after
the verdict, before the report, or hang there).
"""


def instance(value, cls, tools):
    """isinstance without asking ``value``: its own type is ``cls`` or a subclass (isinstance would also read the object's
    ``__class__``, which the module's code can make lie: an object claiming to be an int was taken for a descriptor)."""
    return tools[27](tools[26](value), cls)


def plain(text, tools):
    """``text`` (a str or bytes, maybe a subclass whose methods are the module's) as a plain str, or None."""
    if tools[28](text, tools[10], tools):
        return tools[31]((text,))  # join copies a subclass into a plain str: no method of it runs afterwards
    if tools[28](text, tools[12], tools):
        return tools[32]((text,)).decode("utf-8", "surrogateescape")
    return None


def text(value, tools):
    """A description of ``value`` for a report that runs none of the module's code (its ``__repr__`` could raise into
    the hook after the verdict, or answer anything): plain scalars, and tuples and lists of them two levels deep."""
    kind, repr_, join, scalars, int_, tuple_, list_ = tools[26], tools[16], tools[31], tools[33], tools[11], tools[34], tools[35]
    # Rendered from a stack of pieces: a value, or a closing bracket to write (no recursion, at most 2 levels).
    pending = [(value, 0)]
    parts = []
    while pending:
        item, depth = pending.pop()
        if depth < 0:
            parts.append(item)  # a bracket or separator of ours
        elif item is None or kind(item) in scalars:
            parts.append(repr_(item) if kind(item) is not int_ or -(10 ** 300) < item < 10 ** 300 else "<int>")
        elif (kind(item) is tuple_ or kind(item) is list_) and depth < 2:
            opening, closing = ("(", ")") if kind(item) is tuple_ else ("[", "]")
            pending.append((closing, -1))
            if item.__len__() > 8:
                pending.append((", ...", -1))
            index = (8 if item.__len__() > 8 else item.__len__()) - 1
            while index >= 0:
                pending.append((item[index], depth + 1))
                if index > 0:
                    pending.append((", ", -1))
                index -= 1
            parts.append(opening)
        else:
            parts.append("<object>")
    return join(parts)


VALUE_FUNCTIONS = (instance, plain, text)
