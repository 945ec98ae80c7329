"""Whatever text a record holds, every document shows it as text: escaped in HTML (and so in
the PDF), never as markup; and the family's plan never shows a household reference code."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import markupsafe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf import docs
from caseconf.docs import layout
from caseconf.docs.model import Words
from caseconf.records.models import CaseFile, ConferenceRecord
from caseconf.records.repository import Case, LoadedDoc, Repository

TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "article", "header", "footer", "p", "h1", "h2",
                 "h3", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "div", "span"}
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(str.strip).filter(bool)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def _repo(goal: str, do: str, note: str, conclusion: str) -> tuple[Repository, Case, LoadedDoc]:
    case_file = CaseFile.model_validate({"id": "XY-2030-002", "office": "XY", "opened": dt.date(2030, 1, 2),
                                         "household": [{"ref": "M", "role": "mother"},
                                                       {"ref": "D1", "role": "child", "age": 7}]})
    first = ConferenceRecord.model_validate({
        "case": "XY-2030-002", "kind": "initial", "date": dt.date(2030, 2, 1), "start": "09:00", "end": "10:30",
        "place": "school", "goal": goal, "conclusions": [conclusion],
        "roles": {"convener": {"role": "ospod_worker", "org": "XY"}},
        "participants": [{"ref": "M", "role": "mother", "attendance": "present"},
                         {"role": "other", "title": do, "org": note, "attendance": "present"}],
        "plan": {"actions": [{"id": "A1", "do": f"M {do}", "owner": "M", "due": dt.date(2030, 3, 1), "indicator": note}],
                 "plan_b": [{"if": goal, "then": do}], "next_review": dt.date(2030, 5, 1)}})
    second = ConferenceRecord.model_validate({
        "case": "XY-2030-002", "kind": "evaluation", "date": dt.date(2030, 4, 1), "conclusions": [conclusion],
        "participants": [{"role": "ospod_worker", "org": "XY", "attendance": "present"}],
        "evaluation": [{"action": "A1", "result": "done", "note": note}]})
    docs_ = [LoadedDoc(path="records/XY-2030-002/2030-02-01-initial.md", kind="conference", model=first, body=note),
             LoadedDoc(path="records/XY-2030-002/2030-04-01-evaluation.md", kind="conference", model=second)]
    case = Case(id="XY-2030-002", folder="records/XY-2030-002",
                case_doc=LoadedDoc(path="records/XY-2030-002/case.yml", kind="case", model=case_file), documents=docs_)
    repo = Repository(root=Path("/nonexistent-team"), lang="cs", config_doc=None, cases={case.id: case})
    return repo, case, docs_[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(goal=text, do=text, note=text, conclusion=text, lang=st.sampled_from(["cs", "sr-Latn", "en"]))
def test_record_text_is_escaped_in_every_document(goal: str, do: str, note: str, conclusion: str, lang: str) -> None:
    repo, case, doc = _repo(goal, do, note, conclusion)
    for record_doc in case.documents:
        for kind in docs.available(record_doc.model):
            made = docs.build(kind, repo, case, record_doc, Words(lang))
            html = layout.to_html(made, None)
            parser = _Tags()
            parser.feed(html)
            assert parser.tags <= TEMPLATE_TAGS, (kind, parser.tags - TEMPLATE_TAGS)
            assert not parser.handlers, kind
            if kind in ("minutes", "evaluation"):
                assert str(markupsafe.escape(conclusion)) in html, kind


@settings(max_examples=40, deadline=None)
@given(do=st.text(st.sampled_from("abc MD1-., "), min_size=1, max_size=30))
def test_the_family_plan_speaks_of_people_in_words(do: str) -> None:
    repo, case, doc = _repo("cíl", do, "poznámka", "závěr")
    made = docs.build("family-plan", repo, case, doc, Words("cs"))
    cells = [cell for block in made[0].blocks if block.type == "table" for row in block.rows for cell in row]
    tokens = {token for cell in cells for token in cell.replace(",", " ").replace(".", " ").split()}
    assert not tokens & {"M", "D1"}, cells
