"""The incident interchange format (JSON): validation, normalisation and output."""
