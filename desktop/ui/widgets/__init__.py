"""Reusable widgets: field-error forms, checkable lists, the financial chart."""
