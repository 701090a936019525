"""Fetch stage: polite async HTTP, discovery of article links, and the crawl loop."""
