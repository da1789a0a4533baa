"""Item models: thin adapters from repository queries to Qt views."""
