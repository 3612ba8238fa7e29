"""Press-release importer: turns the text of a Thai press release into the facts
of a draft article. Pure Python (no Django) so it can be tested on text alone;
the management command and models do the saving."""

from .parser import parse

__all__ = ["parse"]
