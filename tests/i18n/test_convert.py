"""The converter turns translation tables into catalogue entries without changing what code sees."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

from caseconf.records import catalogue

TOOLS = Path(__file__).resolve().parents[2] / "tools"

MODULE = '''
"""A module as the others write them."""

from __future__ import annotations


def tr(cs: str, sr: str, en: str) -> dict[str, str]:
    return {"cs": cs, "sr-Latn": sr, "en": en}


THEME = {"cs": "cs", "sr-Latn": "sh", "en": "en"}  # locale codes: left alone
KEPT = {"cs": "a", "sr-Latn": "b", "en": "c"}  # i18n: keep
MESSAGES = {
    "missing": {"cs": "chybí „{field}“", "sr-Latn": "nedostaje „{field}“", "en": "'{field}' is missing"},
    "open": {"cs": "otevřeno", "sr-Latn": "otvoreno", "en": "open"},
}
STATES = {"cs": {"open": "otevřený", "late": "po termínu"}, "sr-Latn": {"open": "otvoren", "late": "kasni"},
          "en": {"open": "open", "late": "late"}}
TRIPLE = {"cs": ("nový", "úprava"), "sr-Latn": ("novi", "izmjena"), "en": ("new", "edit")}
SUMMARY = tr("Konference bez cíle", "Konferencija bez cilja",
             "Conference without "
             "a goal")
'''


def _load(path: Path, name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _plain(value):  # type: ignore[no-untyped-def]
    if hasattr(value, "keys") and not isinstance(value, dict):
        value = {key: value[key] for key in value}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return type(value)(_plain(item) for item in value)
    return value


@pytest.fixture()
def tool(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(TOOLS))
    try:
        module = _load(TOOLS / "i18n.py", "caseconf_i18n_tool")
    finally:
        sys.path.remove(str(TOOLS))
    locale = tmp_path / "locale"
    monkeypatch.setattr(module, "LOCALE", locale)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(catalogue, "LOCALE_DIR", locale)
    monkeypatch.setattr(catalogue, "_cache_dir", lambda: tmp_path / "cache")
    catalogue.translations.cache_clear()
    yield module
    catalogue.translations.cache_clear()


def test_converted_module_reads_the_same_in_every_language(tool, tmp_path):  # type: ignore[no-untyped-def]
    source = tmp_path / "pkg_module.py"
    source.write_text(textwrap.dedent(MODULE), encoding="utf-8")
    before = _load(source, "before_conversion")
    assert tool.convert([source], write=True) == 0
    text = source.read_text(encoding="utf-8")
    assert '"sr-Latn": "nedostaje' not in text and "msg(\"'{field}' is missing\")" in text
    assert 'THEME = {"cs": "cs"' in text and 'KEPT = {"cs": "a"' in text
    catalogue.translations.cache_clear()
    after = _load(source, "after_conversion")
    for name in ("MESSAGES", "STATES", "TRIPLE", "SUMMARY"):
        old, new = getattr(before, name), getattr(after, name)
        for lang in catalogue.LANGUAGES:
            if name in ("STATES", "TRIPLE"):
                assert _plain(new[lang]) == _plain(old[lang]), (name, lang)
            elif name == "SUMMARY":
                assert new[lang] == old[lang]
            else:
                assert {k: v[lang] for k, v in new.items()} == {k: v[lang] for k, v in old.items()}, (name, lang)
    # "open" has two Czech translations in two tables: each keeps its own through a msgctxt
    po = (tmp_path / "locale" / "cs" / "LC_MESSAGES" / "caseconf.po").read_text(encoding="utf-8")
    assert po.count('msgid "open"') == 2 and "msgctxt" in po


def test_a_missing_translation_is_reported_and_falls_back_to_english(tool, tmp_path, capsys):  # type: ignore[no-untyped-def]
    source = tmp_path / "only_czech.py"
    source.write_text('LABEL = {"cs": "Případ", "en": "Case"}\n', encoding="utf-8")
    tool.convert([source], write=True)
    assert "no sr-Latn translation of 'Case'" in capsys.readouterr().err
    catalogue.translations.cache_clear()
    module = _load(source, "only_czech_after")
    assert module.LABEL["cs"] == "Případ" and module.LABEL["sr-Latn"] == "Case"
    assert ("sr-Latn", "caseconf", None, "Case") in catalogue.MISSES
    assert tool.check() == 1  # make i18n fails on the untranslated entry


def test_the_code_wins_over_an_older_catalogue_text(tool, tmp_path):  # type: ignore[no-untyped-def]
    first = tmp_path / "first.py"
    first.write_text('A = {"cs": "stará věta", "sr-Latn": "stara", "en": "Sentence"}\n', encoding="utf-8")
    tool.convert([first], write=True)
    second = tmp_path / "second.py"
    second.write_text('B = {"cs": "nová věta", "sr-Latn": "nova", "en": "Sentence"}\n', encoding="utf-8")
    tool.convert([second], write=True)
    catalogue.translations.cache_clear()
    # one English text, two Czech wordings: the second place gets its own msgctxt, both stay
    assert _load(first, "first_after").A["cs"] == "stará věta"
    assert _load(second, "second_after").B["cs"] == "nová věta"
