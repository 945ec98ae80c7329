"""The web form for records (issue 11): Decap CMS configuration generated from the models."""
