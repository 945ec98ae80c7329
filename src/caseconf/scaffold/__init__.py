"""Writing new files for people: scaffolds, new team repositories. Never overwrites."""
