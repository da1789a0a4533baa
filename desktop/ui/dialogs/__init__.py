"""Dialogs, one per module; each has a classmethod that runs it and returns ``(value, ok)``."""
