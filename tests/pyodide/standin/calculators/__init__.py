"""Stand-in calculators package (tests only)."""
