"""The catalogue works from a fresh clone (no compiled .mo), from a stale .mo and from make i18n."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from caseconf.records import catalogue

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def fresh_locale(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    locale = tmp_path / "locale"
    shutil.copytree(catalogue.LOCALE_DIR, locale, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(catalogue, "LOCALE_DIR", locale)
    monkeypatch.setattr(catalogue, "_cache_dir", lambda: tmp_path / "cache")
    catalogue.translations.cache_clear()
    yield locale
    catalogue.translations.cache_clear()


def test_without_a_compiled_catalogue_the_po_is_compiled_once_into_the_cache(fresh_locale, tmp_path):  # type: ignore[no-untyped-def]
    assert catalogue.lookup("cs", "Case") == "Případ"
    cached = list((tmp_path / "cache").glob("cs-caseconf-*.mo"))
    assert len(cached) == 1
    catalogue.translations.cache_clear()
    assert catalogue.lookup("sr-Latn", "Case") == "Slučaj"


def test_a_stale_compiled_catalogue_is_not_used(fresh_locale):  # type: ignore[no-untyped-def]
    po = fresh_locale / "cs" / "LC_MESSAGES" / "caseconf.po"
    po.with_suffix(".mo").write_bytes(catalogue.compile_po(po))
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Případ"', 'msgstr "Případ (nově)"'),
                  encoding="utf-8")
    catalogue.translations.cache_clear()
    assert catalogue.lookup("cs", "Case") == "Případ (nově)"


def test_make_i18n_leaves_every_catalogue_complete_and_compiled() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_placeholders_survive_translation() -> None:
    """A translation keeps every {placeholder} of its msgid (else str.format would fail or drop data)."""
    import re

    from babel.messages.pofile import read_po

    wrong = []
    for po in sorted(catalogue.LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            for message in read_po(handle):
                ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
                strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
                # `{{` and `}}` are literal braces for str.format, not placeholders
                wanted = set(re.findall(r"\{[^{}]*\}", " ".join(ids).replace("{{", "").replace("}}", "")))
                for text in strings:
                    literal = (text or "").replace("{{", "").replace("}}", "")
                    if literal and set(re.findall(r"\{[^{}]*\}", literal)) - wanted:
                        wrong.append((po.parent.parent.name, message.id, text))
    assert not wrong
