"""H2 Credit Desk (氢能信贷工作台)."""

__version__ = "0.1.0"
