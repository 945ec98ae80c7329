"""The few team settings a personal-data scan needs, read without the full configuration model.

`caseconf pii` runs as a commit hook on every commit: importing the validated configuration
model (pydantic) would cost it more than the scan of a record. The scan needs only the
language, the words that are never people (team, offices, `pii.allow_words`), the team's
public numbers and the excluded paths; `caseconf check` validates the file itself.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_NAME = "caseconf.yml"
MAX_CONFIG_BYTES = 1024 * 1024


@dataclass(slots=True)
class ScanSettings:
    language: str | None = None
    allow_words: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    # the severities the jurisdiction's profile and the team's `rules:` give the guard's codes
    levels: dict[str, str] = field(default_factory=dict)


def read_settings(root: Path) -> ScanSettings | None:
    """The scan's settings from caseconf.yml, or None without a readable one (a file that leads
    outside the repository, no regular file, or no YAML mapping: the defaults apply)."""
    path = Path(root) / CONFIG_NAME
    try:
        real = os.path.realpath(path)
        root_real = os.path.realpath(root)
        if os.path.commonpath([root_real, real]) != root_real:
            return None
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_CONFIG_BYTES:
            return None
        with open(real, "rb") as fh:
            raw = fh.read()
    except (OSError, ValueError):
        return None
    from .build_cache import cached

    # what the file says, kept per machine by its bytes (with the profiles' and this reader's
    # own): the hook then imports no YAML parser for caseconf.yml (~20 ms of its start)
    try:
        inputs = _reader_inputs()
    except OSError:  # an install without its sources: read the file every time
        fields = _settings_fields(raw)
    else:
        fields = cached("settings", [raw, *inputs], lambda: _settings_fields(raw))
    return None if fields is None else ScanSettings(*fields)


def _reader_inputs() -> list[bytes]:
    """What else the settings are made from: the profiles, and the code that reads them."""
    from .package_data import read_bytes

    return [read_bytes(name) for name in ("profiles/cz.yml", "profiles/me.yml", "pii/settings.py",
                                          "records/yamlsafe.py")]


def _settings_fields(raw: bytes) -> tuple[str | None, list[str], list[str], dict[str, str]] | None:
    """The ScanSettings fields from caseconf.yml's bytes, or None when it holds no mapping."""
    from caseconf.records.yamlsafe import parse

    data = parse(raw.decode("utf-8-sig", errors="replace")).data
    if not isinstance(data, dict):
        return None
    pii = data.get("pii") if isinstance(data.get("pii"), dict) else {}
    offices = data.get("offices") if isinstance(data.get("offices"), dict) else {}
    words = [data.get("team"), *offices.values(), *_strings(pii.get("allow_words")), *_strings(pii.get("public_numbers"))]
    language = data.get("language")
    jurisdiction = data.get("jurisdiction") if data.get("jurisdiction") in ("cz", "me") else "cz"
    levels = _profile_levels(jurisdiction)
    rules = data.get("rules") if isinstance(data.get("rules"), dict) else {}
    levels.update({code: level for code, level in rules.items()
                   if isinstance(code, str) and code.startswith("PII") and isinstance(level, str)})
    return (language if isinstance(language, str) else None, [w for w in words if isinstance(w, str)],
            _strings(pii.get("exclude")), levels)


def _profile_levels(jurisdiction: str) -> dict[str, str]:
    """The guard's codes among the shipped profile's `rules:` (`{code: {severity|value: …}}`)."""
    from caseconf.records.yamlsafe import parse

    from .package_data import read_text

    text = read_text(f"profiles/{jurisdiction}.yml")
    data = parse(text).data
    rules = data.get("rules") if isinstance(data, dict) and isinstance(data.get("rules"), dict) else {}
    out = {}
    for code, item in rules.items():
        if isinstance(code, str) and code.startswith("PII") and isinstance(item, dict):
            level = item.get("value", item.get("severity"))
            if isinstance(level, str):
                out[code] = level
    return out


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
