"""Quick polls: messages assembled in every way the message checks understand."""
from typing import Any

MAX_OPTIONS = 10
_LIMIT_PREFIX = "Polls are limited to "
LIMIT_MESSAGE = _LIMIT_PREFIX + str(MAX_OPTIONS) + " options."
MESSAGES = {
    "too_long": "Questions are limited to {limit} characters.",
    "results_hidden": "hidden",
}


def _closed(poll_id: int) -> str:
    return "Poll " + str(poll_id) + " is closed."


class Polls:
    """Polls in memory."""

    def vote(self, poll_id: int, option: str) -> dict[str, Any]:
        """Vote."""
        if poll_id < 0:
            return {"success": False, "message": "Poll " + str(poll_id) + " not found.", "data": None}
        if not option:
            return {"success": False, "message": "Option '{option}' is not on poll {poll}.".format(option=option, poll=poll_id), "data": None}
        if poll_id == 0:
            return {"success": False, "message": _closed(poll_id), "data": None}
        return {"success": True, "message": "Vote recorded for %s." % option, "data": None}

    def create(self, question: str) -> dict[str, Any]:
        """Create."""
        if len(question) > 80:
            return {"success": False, "message": MESSAGES["too_long"].format(limit=80), "data": None}
        return {"success": False, "message": LIMIT_MESSAGE, "data": None}

    def delete(self, poll_id: int) -> dict[str, Any]:
        """Delete."""
        return {"success": True, "message": f"Poll {poll_id} deleted.", "data": None}
