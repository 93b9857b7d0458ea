// Python's memory right after start-up, for the offline copy (build_scripts/offline_bundle/snapshot.py):
// node snapshot.mjs DIR OUT WHEEL MODULE...
// DIR holds the runtime exactly as the copy carries it: pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm,
// stdlib.zip (the same bytes: the interpreter keeps the archive's table of contents in its memory) and
// pyodide-lock.json. A first interpreter installs WHEEL and imports the MODULEs, to learn which standard
// library modules that brings in; the snapshot is taken from a second one that imported only those (a
// wheel's files live outside that memory, and Pyodide snapshots no interpreter that loaded a package).
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [dir, out, wheel, ...modules] = process.argv.slice(2);
const at = (name) => resolve(dir, name);
const { loadPyodide } = await import(pathToFileURL(at("pyodide.mjs")).href);
const start = (snapshot) =>
  loadPyodide({
    indexURL: resolve(dir) + "/",
    stdLibURL: at("stdlib.zip"),
    lockFileContents: JSON.parse(readFileSync(at("pyodide-lock.json"), "utf8")),
    packages: [],
    _makeSnapshot: snapshot,
    stdout: () => {},
    stderr: (s) => process.stderr.write(s + "\n"),
  });
const names = (py) => py.runPython("import sys; sorted(sys.modules)").toJs();

const probe = await start(false);
const before = new Set(names(probe));
await probe.loadPackage(resolve(wheel));
for (const name of modules) probe.pyimport(name);
const top = new Set(modules.map((m) => m.split(".")[0]));
const used = names(probe).filter((m) => !before.has(m) && !top.has(m.split(".")[0]));

const py = await start(true);
py.runPython(used.map((m) => `import ${m}\n`).join(""));
writeFileSync(out, py.makeMemorySnapshot());
process.stdout.write(JSON.stringify(used) + "\n");
