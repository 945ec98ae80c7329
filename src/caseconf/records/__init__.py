"""The record layer: models, the strict loader and the repository model.

It imports no other caseconf layer (checked by import-linter)."""
