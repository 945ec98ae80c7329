"""The MkDocs plugin: a thin adapter that renders the index layer through Jinja templates."""
