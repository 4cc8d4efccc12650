"""Whether a service method's result is a Gradio-ready response (stdlib only).

A response is a dict with ``success`` (bool), a non-empty ``message`` (str) and ``data``
that a Gradio component can show: JSON-serialisable values, tables as lists of rows or
lists of records (or ``{"headers": [...], "data": rows}``), dropdown choices as lists of
strings; a pandas DataFrame only when the design declares pandas.
"""
import math

SCALARS = (str, int, float, bool, type(None))
MAX_NODES = 20_000


def _type_name(value):
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def _is_dataframe(value):
    kind = type(value)
    return kind.__name__ == "DataFrame" and kind.__module__.split(".")[0] == "pandas"


class _Walker:
    def __init__(self, allow_dataframe):
        self.allow_dataframe = allow_dataframe
        self.nodes = 0
        self.problems = []

    def problem(self, text):
        if len(self.problems) < 3:
            self.problems.append(text)

    def walk(self, value, path):
        self.nodes += 1
        if self.nodes > MAX_NODES or len(self.problems) >= 3:
            return
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(f"{path} is {value!r}, which JSON cannot carry")
        elif isinstance(value, SCALARS):
            return
        elif _is_dataframe(value):
            if not self.allow_dataframe:
                self.problem(f"{path} is a pandas DataFrame, but the design does not declare pandas")
        elif isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    self.problem(f"{path} has a {_type_name(key)} key, which JSON cannot carry")
                self.walk(item, f"{path}[{key!r}]")
        elif isinstance(value, (list, tuple)):
            self.walk_list(value, path)
        else:
            self.problem(f"{path} is a {_type_name(value)}, which is not JSON-serialisable "
                         "(convert it to str, int, float, list or dict)")

    def walk_list(self, items, path):
        kinds = set()
        for item in items:
            if isinstance(item, dict):
                kinds.add("records")
            elif isinstance(item, (list, tuple)):
                kinds.add("rows")
            else:
                kinds.add("values")
        if len(kinds) > 1:
            self.problem(f"{path} mixes {' and '.join(sorted(kinds))}; a Gradio table or "
                         "dropdown needs one kind")
        if kinds == {"rows"}:
            lengths = sorted({len(row) for row in items})
            if len(lengths) > 1:
                self.problem(f"{path} rows have different lengths ({lengths[0]} and "
                             f"{lengths[-1]}); a Gradio table needs equal rows")
        for index, item in enumerate(items):
            self.walk(item, f"{path}[{index}]")


def data_problems(data, allow_dataframe=False):
    """Why ``data`` cannot be shown by a Gradio component (empty when it can)."""
    walker = _Walker(allow_dataframe)
    walker.walk(data, "data")
    return walker.problems


def response_problems(result, allow_dataframe=False):
    """Why ``result`` is not a Gradio-ready response dict (empty when it is)."""
    if not isinstance(result, dict):
        return [f"returned {_type_name(result)} instead of a dict with success, message and data"]
    problems = []
    if "success" not in result:
        problems.append("the response has no 'success' key")
    elif not isinstance(result["success"], bool):
        problems.append(f"'success' is {_type_name(result['success'])}, not bool")
    if "message" not in result:
        problems.append("the response has no 'message' key")
    elif not isinstance(result["message"], str):
        problems.append(f"'message' is {_type_name(result['message'])}, not str")
    elif not result["message"].strip():
        problems.append("'message' is empty")
    extra = sorted(str(key) for key in result if key not in ("success", "message", "data"))
    if extra:
        problems.append(f"the response has extra keys {', '.join(map(repr, extra))} "
                        "(put extra fields inside 'data')")
    if "data" not in result:
        problems.append("the response has no 'data' key")
    else:
        problems += data_problems(result["data"], allow_dataframe)
    return problems
