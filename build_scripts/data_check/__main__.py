"""python -m build_scripts.data_check: every data problem, one line each (exit 1 when there are any)."""

import sys

from build_scripts.data_check import problems

found = problems()
print("\n".join(found) if found else "data files: no problems")
sys.exit(1 if found else 0)
