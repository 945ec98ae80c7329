"""Rules: the methodology made checkable. One module per family; see registry.py."""
