"""`scraper.numbers`: the contract's public name for the number parser in :mod:`scraper.extract.numbers`."""

from .extract.numbers import *  # noqa: F401,F403  (re-export the public names)
from .extract.numbers import __all__  # noqa: F401
