// Compile every .py of a zip archive to bytecode with the pinned Pyodide's own interpreter (the
// magic number and bytecode must be the browser's): node precompile.mjs PYODIDE_DIR IN.zip OUT.zip CODE.py [ENV_JSON]
// (ENV_JSON: the interpreter's environment, e.g. {"PYTHONNODEBUGRANGES": "1"})
// Run by build_scripts/pyodide/precompile.py; the Python side of the work is PRECOMPILE there.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [dir, input, output, code, env = "{}"] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(resolve(dir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: resolve(dir) + "/", env: JSON.parse(env), stdout: () => {}, stderr: (s) => process.stderr.write(s + "\n") });
py.FS.writeFile("/tmp/in.zip", readFileSync(input));
py.runPython(readFileSync(code, "utf8"));
writeFileSync(output, py.FS.readFile("/tmp/out.zip"));
