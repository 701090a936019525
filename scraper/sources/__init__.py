"""Sources other than a live portal: web archives (Wayback) and a local portal replay for tests and demos."""
