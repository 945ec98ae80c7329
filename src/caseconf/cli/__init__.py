"""The `caseconf` command. Each subcommand is its own module, imported only when used."""
