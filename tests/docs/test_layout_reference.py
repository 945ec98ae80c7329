"""Layout regressions show: the first page of each document of a fixed fictional record,
rendered by pdftoppm, stays within a tolerance of a stored reference image.

After an intended change of the layout, write new references with
`CASECONF_UPDATE_REFERENCES=1 .venv/bin/python -m pytest tests/docs/test_layout_reference.py`
and look at them before committing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "team"
REFERENCES = Path(__file__).parent / "reference"
RECORD = "records/XY-2030-001/2030-02-05-initial.md"
DPI = 40  # enough to see blocks, tables and lines move; small files
MEAN_TOLERANCE = 2.5  # mean absolute difference of grey levels (0-255)
CHANGED_TOLERANCE = 0.01  # share of pixels whose grey differs by more than a quarter


def first_page(pdf: bytes) -> "object":
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(source), str(Path(tmp) / "page")], capture_output=True, check=True)
        image = Image.open(Path(tmp) / "page.png").convert("L")
        image.load()
        return image


def difference(image: "object", reference: "object") -> tuple[float, float]:
    from PIL import ImageChops, ImageStat

    diff = ImageChops.difference(image, reference)  # type: ignore[arg-type]
    mean = ImageStat.Stat(diff).mean[0]
    histogram = diff.histogram()
    changed = sum(histogram[64:]) / max(1, sum(histogram))
    return mean, changed


@pytest.fixture(scope="module")
def fixture_repo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from caseconf.records.repository import Repository

    root = tmp_path_factory.mktemp("layout") / "team"
    shutil.copytree(DATA, root)
    return Repository.load(root)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is missing: `make test` installs it")
@pytest.mark.parametrize("kind,lang", [("invitation", "cs"), ("attendance", "cs"), ("minutes", "cs"),
                                       ("family-plan", "cs"), ("family-plan", "sr-Latn")])
def test_first_page_matches_the_reference(fixture_repo, kind: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    from caseconf import docs

    case = fixture_repo.cases["XY-2030-001"]
    doc = next(d for d in case.conferences if d.path == RECORD)
    made = docs.documents(kind, fixture_repo, case, doc, lang=lang, to="M" if kind == "invitation" else None)
    image = first_page(docs.render(made[0], "pdf", fixture_repo.root))
    reference_path = REFERENCES / f"{kind}.{lang}.png"
    if os.environ.get("CASECONF_UPDATE_REFERENCES") or not reference_path.exists():
        if not os.environ.get("CASECONF_UPDATE_REFERENCES"):
            pytest.fail(f"{reference_path} is missing; write it with CASECONF_UPDATE_REFERENCES=1")
        reference_path.parent.mkdir(parents=True, exist_ok=True)
        image.save(reference_path, optimize=True)  # type: ignore[attr-defined]
        pytest.skip(f"wrote {reference_path}")
    reference = Image.open(reference_path).convert("L")
    assert image.size == reference.size, f"page size changed: {image.size} != {reference.size}"  # type: ignore[attr-defined]
    mean, changed = difference(image, reference)
    assert mean <= MEAN_TOLERANCE and changed <= CHANGED_TOLERANCE, (
        f"{kind} ({lang}) first page differs from {reference_path.name}: mean {mean:.2f}, "
        f"{changed:.1%} of pixels changed; if intended, update the references (see this file's docstring)")


def test_the_comparison_notices_a_moved_block(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    """The tolerance is not so loose that a layout change passes: shifting the page by a few
    millimetres (a heading that grew, a table that moved) is caught."""
    from PIL import Image, ImageChops

    reference = Image.open(REFERENCES / "minutes.cs.png").convert("L")
    shifted = ImageChops.offset(reference, 0, 8)
    mean, changed = difference(shifted, reference)
    assert mean > MEAN_TOLERANCE or changed > CHANGED_TOLERANCE
