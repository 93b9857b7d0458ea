"""Self-hosted Pyodide for the calculator pages: vendoring, the calculators wheel, the site lock file."""
