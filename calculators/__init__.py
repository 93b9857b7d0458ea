"""Calculators for stationed village cadres: rules as data, pure standard-library Python.

Public API: `calculators.engine.describe()`, `run()`, `run_json()`, `InputError`.
"""

__all__ = ["engine"]
