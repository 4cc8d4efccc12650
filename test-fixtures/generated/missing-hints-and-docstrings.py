"""Tip calculator backend for the Gradio app."""

import math


class TipError(Exception):
    """Raised when a bill cannot be split."""

    def __init__(self, message, code="TIP_ERROR"):
        self.message = message
        self.code = code
        super().__init__(message)


class TipCalculator:

    def __init__(self, currency="USD"):
        self.currency = currency
        self.history = []

    def split(self, total, people, tip_percent=15):
        if people < 1 or people > 50:
            raise TipError("Between 1 and 50 people can share a bill.")
        tip = total * tip_percent / 100
        share = math.ceil((total + tip) / people * 100) / 100
        self.history.append(share)
        return {"success": True, "message": f"Each person pays {share:.2f}.", "data": share}

    def recent(self, *names, **options):
        """Return the latest shares."""
        return self.history[-5:]


def round_to_cents(amount):
    return round(amount, 2)
