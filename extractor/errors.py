"""Errors a caller can act on: each says in one line what is wrong with the input."""


class InputError(ValueError):
    """The input cannot be analysed (empty, binary, undecodable, too large...)."""
