"""Recognizers: one spaCy component per Article field."""
