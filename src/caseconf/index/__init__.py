"""Derived state for people: open actions, reviews, statistics, the rules reference.

Shared unchanged by the CLI and the site."""
