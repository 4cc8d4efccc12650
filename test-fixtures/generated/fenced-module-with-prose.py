Sure! Here's the complete implementation of the recipe box backend, following the technical design:

```python
"""Recipe box backend.

Stores recipes in memory and serves them to the Gradio UI.

Example:
    >>> box = RecipeBox()
    >>> box.add_recipe("Pancakes", ["flour", "milk"])["success"]
    True
"""

import threading
from typing import Any

MAX_INGREDIENTS = 30


class RecipeError(Exception):
    """Base error of the recipe box."""

    def __init__(self, message: str, code: str = "RECIPE_ERROR") -> None:
        """Create the error.

        Args:
            message: Text shown in the UI.
            code: Machine-readable code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class RecipeBox:
    """Keeps recipes for the UI."""

    def __init__(self) -> None:
        """Create an empty box."""
        self._lock = threading.Lock()
        self._recipes: dict[str, list[str]] = {}

    def add_recipe(self, name: str, ingredients: list[str]) -> dict[str, Any]:
        """Store a recipe.

        Args:
            name: Recipe title.
            ingredients: Ingredient names.

        Returns:
            dict: The structured response.
        """
        with self._lock:
            if len(ingredients) > MAX_INGREDIENTS:
                return {"success": False, "message": "Too many ingredients.", "data": None}
            self._recipes[name] = list(ingredients)
        return {"success": True, "message": f"Saved {name}.", "data": name}
```

This module implements the `RecipeBox` class with thread-safe storage. Key features:

- **Thread safety**: a lock guards every change.
- **Structured responses**: every method returns success, message and data.

Let me know if you'd like me to add search or deletion!
