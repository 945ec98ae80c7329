"""Each record's paperwork as a print-ready page of the site, made when it is written.

A 1,000-case repository has some 13,000 of these pages (about 9 KB each). Handed to MkDocs
as in-memory files they would all stay in memory from `on_files` to the end of the build
(over a gigabyte at 10,000 cases); a `DocumentFile` keeps only what it is made of (the
record, already in the model) and renders its HTML when MkDocs copies it to the site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from .views import SiteData


class DocumentFile(File):
    """A generated file whose content is made on demand (and not kept after it is read)."""

    make: Callable[[], str]
    _set: str | bytes | None

    @classmethod
    def lazy(cls, config: MkDocsConfig, src_uri: str, make: Callable[[], str]) -> DocumentFile:
        file = cls.generated(config, src_uri, content="")  # `_content` below stands for it
        file.make = make
        file._set = None
        return file

    # MkDocs reads `_content` to copy, compare and serve the file: it is made from the record
    # each time it is asked for, unless someone set it explicitly.
    @property  # type: ignore[override]
    def _content(self) -> str | bytes:
        explicit = self.__dict__.get("_set")
        if explicit is not None:
            return explicit
        if "make" not in self.__dict__:  # during File.generated, before `lazy` sets it
            return ""
        from ..errors import CaseconfError

        try:
            return self.make()
        except CaseconfError as exc:  # a team's own template that does not work: a message, not a traceback
            raise PluginError(f"caseconf: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")) from None

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        if "make" in self.__dict__:
            self.__dict__["_set"] = value

    def is_modified(self) -> bool:
        return True  # generated: always written (and not made once more just to say so)


def add_documents(files: list[File] | object, config: MkDocsConfig, data: SiteData, digests: dict[str, str],
                  kept: dict[str, tuple[str, str]] | None, replace: Callable[[object, File], None]) -> None:
    """Each record's paperwork as a print-ready page (its own print stylesheet), linked from
    the record page: the same templates as `caseconf doc`, the team's overrides included.

    `kept` (under `mkdocs serve` only): uri -> (case digest, html) from the last build, reused
    while the case is unchanged; a single build keeps nothing."""
    from .. import docs
    from ..docs.layout import to_html
    from .views import document_uri

    for case in data.cases:
        key = digests.get(case.id, "")
        for doc in case.conferences:
            for kind in docs.available(doc.model):
                uri = document_uri(doc.path, kind)
                if uri is None:
                    continue

                def make(uri: str = uri, kind: str = kind, case: object = case, doc: object = doc,
                         key: str = key) -> str:
                    cached = kept.get(uri) if kept is not None else None
                    if cached is not None and cached[0] == key:  # its case unchanged since the last build
                        return cached[1]
                    made = docs.documents(kind, data.repo, case, doc, lang=data.repo.lang,  # type: ignore[arg-type]
                                          one_letter=True)
                    html = to_html(made, data.repo.root)
                    if kept is not None:
                        kept[uri] = (key, html)
                    return html

                replace(files, DocumentFile.lazy(config, uri, make))
