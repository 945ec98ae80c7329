"""Bank accounts: IBANs in any case and split anywhere, Czech domestic accounts
(`19-2000145399/0800`, the mod-11 checks) and Montenegrin/Serbian domestic accounts
(`510-0000000012345-67` and the short form `510-12345-67`, the mod-97 check)."""

from __future__ import annotations

import re

from ._base import Detector, Hit, ref_context

from ...records.catalogue import msg
from ..lazy_re import lazy_compile

# two letters, two check digits, then letters and digits with single spaces anywhere
_IBAN = lazy_compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}(?: ?\d){2}(?: ?[A-Za-z0-9]){10,32}")
_CZ_ACCOUNT = lazy_compile(r"(?<![\w/.\-])((?:\d{1,6}\s?-\s?)?\d{2,10}\s?/\s?\d{4})(?![\w/])")
# bank code (3 digits) - account (up to 13 digits, leading zeros may be dropped) - check (2 digits)
_ME_ACCOUNT = lazy_compile(r"(?<![\w/.\-])(\d{3})\s?-\s?(\d{1,13})\s?-\s?(\d{2})(?![\w/]|-\d)")


def me_account_valid(bank: str, account: str, check: str) -> bool:
    """ISO 7064 mod 97-10 over the 18 digits, as the Montenegrin and Serbian banks use."""
    number = bank + account.zfill(13) + check
    return len(number) == 18 and int(number) % 97 == 1 and int(account) > 0


class BankAccount(Detector):
    kind = "bank_account"
    code = "PII005"
    priority = 2
    labels = msg("bank account number")
    mask_style = "digits"

    def may_hold(self, text: str) -> bool:
        return super().may_hold(text)

    def find(self, text: str, allow: frozenset[str] = frozenset(), lang: str = "cs", taken=()) -> list[Hit]:
        hits = self._ibans(text)
        if "/" in text:
            for m in _CZ_ACCOUNT.finditer(text):
                from stdnum.cz import bankaccount  # its registry loads only once a candidate turns up

                raw = m.group(1)
                if bankaccount.is_valid(re.sub(r"\s", "", raw)) and not ref_context(text, m.start()):
                    hits.append(Hit(self.kind, m.start(), m.end(), raw))
        if "-" in text:
            for m in _ME_ACCOUNT.finditer(text):
                if me_account_valid(*m.groups()) and not ref_context(text, m.start()):
                    hits.append(Hit(self.kind, m.start(), m.end(), m.group(0)))
        return hits

    def _ibans(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for m in _IBAN.finditer(text):
            from stdnum import iban  # python-stdnum loads its registries: only once a candidate turns up

            raw = m.group(0)
            ends = [i + 1 for i, ch in enumerate(raw) if ch != " "]
            compact = raw.replace(" ", "").upper()
            # the greedy match may have swallowed following words: the longest valid prefix
            for n in range(len(compact), 14, -1):
                if iban.is_valid(compact[:n]):
                    end = m.start() + ends[n - 1]
                    hits.append(Hit(self.kind, m.start(), end, text[m.start():end], (compact[:n],)))
                    break
        return hits
