"""Calculator pages under tools/, generated at build time from calculators.engine.describe()."""
