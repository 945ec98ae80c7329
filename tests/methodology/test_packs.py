"""Methodology packs: skeletons match the models, rules link to real sections, own words."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from caseconf.records.models import ActivityRecord, CaseFile, ConferenceRecord, TeamConfig
from caseconf.records.yamlsafe import parse
from caseconf.rules.placeholder import PLACEHOLDER
from caseconf.rules.registry import all_rules

from ..helpers import PROJECT

PACKS = PROJECT / "src" / "caseconf" / "templates" / "packs"
SKELETON = re.compile(r"<!-- caseconf:skeleton (record|case|activity) -->\s*\n```ya?ml\n(.*?)\n```", re.DOTALL)
MODELS = {"record": ConferenceRecord, "case": CaseFile, "activity": ActivityRecord}
HEADING_ANCHOR = re.compile(r"^#+ .*\{#([\w-]+)\}\s*$", re.MULTILINE)


def skeletons(pack: str) -> list[tuple[Path, str, str]]:
    found = []
    for page in sorted((PACKS / pack).rglob("*.md")):
        for kind, text in SKELETON.findall(page.read_text(encoding="utf-8")):
            found.append((page, kind, text))
    return found


@pytest.mark.parametrize("pack", ["cz", "me"])
def test_every_skeleton_loads_with_the_models(pack: str) -> None:
    context = TeamConfig(team="t", jurisdiction=pack, offices={}).validation_context()
    found = skeletons(pack)
    assert len(found) >= 7
    for page, kind, text in found:
        parsed = parse(text)
        assert not parsed.problems, (page, parsed.problems)
        model = MODELS[kind].model_validate(parsed.data, context=context)
        assert not model.model_extra, (page, model.model_extra)
        assert PLACEHOLDER.search(text), f"{page}: a skeleton marks what is to be filled in"


def test_every_rule_with_a_methodology_section_links_to_an_existing_anchor() -> None:
    links = yaml.safe_load((PACKS / "rule_links.yml").read_text(encoding="utf-8"))
    codes = {rule.code for rule in all_rules()}
    assert set(links) <= codes
    for family in ("PLAN", "CONF", "REV"):
        assert {c for c in codes if c.startswith(family)} - {"CONF012"} <= set(links), family
    for code, targets in links.items():
        for pack, target in targets.items():
            page, anchor = target.split("#")
            text = (PACKS / pack / page).read_text(encoding="utf-8")
            assert anchor in HEADING_ANCHOR.findall(text), (code, target)
            section = text.split("{#" + anchor + "}", 1)[1].split("\n#", 1)[0]
            assert code in section or code in text, (code, target)


def test_this_repository_publishes_the_czech_pack() -> None:
    methodology = PROJECT / "methodology"
    pack = PACKS / "cz"
    pack_files = {p.relative_to(pack).as_posix() for p in pack.rglob("*") if p.is_file()}
    repo_files = {p.relative_to(methodology).as_posix() for p in methodology.rglob("*") if p.is_file()}
    assert pack_files <= repo_files
    for rel in pack_files:
        assert (pack / rel).read_bytes() == (methodology / rel).read_bytes(), rel


SEED_TOOL = PROJECT.parent / "shared" / "tools" / "seed_overlap.py"


@pytest.mark.skipif(not SEED_TOOL.is_file(), reason="../shared (source documents) is not beside this checkout")
def test_no_sentence_copied_from_the_sources() -> None:
    proc = subprocess.run([sys.executable, str(SEED_TOOL), str(PROJECT)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout[:3000]
