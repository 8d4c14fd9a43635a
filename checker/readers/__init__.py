"""Readers for binary formats, imported only when such a file is read."""
