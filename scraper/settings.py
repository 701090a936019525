"""Every default and threshold in one place (as Scrapy's default_settings / trafilatura's settings).

Modules read their defaults from here; the command line and a config file override them.  Group by
stage; each name says what it bounds and in which unit.
"""

from __future__ import annotations
