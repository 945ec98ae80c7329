"""One error base for everything a user can cause; the CLI maps it to an exit code."""

from __future__ import annotations


class CaseconfError(Exception):
    """A problem the user can fix. `exit_code` 2 = bad usage or unreadable input."""

    exit_code = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NotARepository(CaseconfError):
    pass


class OutsideRepository(CaseconfError):
    pass


class OperationFailed(CaseconfError):
    exit_code = 1
