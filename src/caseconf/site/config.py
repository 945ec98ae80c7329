"""Options of the `caseconf` MkDocs plugin (mkdocs.yml: `plugins: - caseconf: {...}`)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CaseconfConfig(Config):
    enabled = c.Type(bool, default=True)
    # The team repository (caseconf.yml + records/); default: the folder of mkdocs.yml.
    root = c.Optional(c.Type(str))
    # "Today" for overdue actions and due reviews (YYYY-MM-DD); default: the build day.
    as_of = c.Optional(c.Type(str))
    # Stop the build when the personal-data guard finds an unsuppressed error.
    pii_guard = c.Type(bool, default=True)
    # Set theme.language from the team's language (cs -> cs, sr-Latn -> sh, en -> en).
    theme_language = c.Type(bool, default=True)
