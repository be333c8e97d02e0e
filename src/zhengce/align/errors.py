"""The one exception the aligner raises for problems a user can fix (a missing file, model or extra).

It subclasses :class:`ValueError` so that callers which already treat bad input as a ``ValueError``
keep working; the CLI catches it and prints the message as one line instead of a traceback.
"""

from __future__ import annotations


class AlignError(ValueError):
    """Bad input or a missing optional component; the message names the input and the problem."""
