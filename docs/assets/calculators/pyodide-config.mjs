// The calculators' runtime config: where Pyodide's files are and how it runs, decided once (on the page
// from what the build wrote into it, under Node from a folder) and then handed on as data (the worker gets
// it in its init message, protocol.mjs). Nothing here loads anything; it imports nothing (the worker and
// Node load it by URL). One shape for every environment:
//   kind       "worker"  the site over http(s): Pyodide in a module Web Worker (runtime-client.mjs)
//              "page"    the offline copy (file://, or that folder served): Pyodide on the page's own thread
//                        (page-runtime.mjs), since browsers start no module worker from file://; its files
//                        come from classic scripts in `scripts`, and `files` names those scripts
//              "node"    tests and build tools
//   indexURL, lockFileURL, stdLibURL, packageBaseUrl, packages: loadPyodide's options
//   engine     the Python module run() calls
//   version    the build's token, on the runtime files whose names stay the same from build to build
//   total, files   the manifest: bytes to download, {name: {bytes, sha256?}} downloads are checked against
//   scripts    ("page") the folder of the classic payload scripts

export const PACKAGE = "zhucun-calculators";
export const ENGINE = "calculators.engine";
// The trimmed standard library the build writes beside the runtime (build_scripts/pyodide/stdlib.py),
// loaded instead of the upstream python_stdlib.zip.
export const STDLIB = "zhucun-stdlib.zip";
// Pyodide's loader module, in indexURL (the worker imports it; the offline copy has it as a classic script).
export const LOADER = "pyodide.mjs";

function config(kind, index, { version = "", total = 0, files = {}, scripts = "", lock = true } = {}) {
  const query = version ? `?v=${encodeURIComponent(version)}` : "";
  return {
    kind,
    indexURL: index,
    ...(lock ? { lockFileURL: `${index}pyodide-lock.json${query}` } : {}),
    stdLibURL: `${index}${STDLIB}${query}`,
    packageBaseUrl: index,
    packages: [PACKAGE],
    engine: ENGINE,
    version,
    total,
    files,
    ...(scripts ? { scripts } : {}),
  };
}

/**
 * The page's runtime, from the statement the build wrote into it (data-runtime, written by
 * build_scripts/calculator_pages/modules.py): {kind, base, version?, scripts?, total, files}, its
 * folders relative to the page.
 */
export function pageConfig(statement, baseURI) {
  const s = statement || {};
  const at = (path) => new URL(path, baseURI).href;
  const page = s.kind === "page";
  return config(page ? "page" : "worker", at(s.base || "../assets/pyodide/"), {
    version: s.version || "",
    total: s.total || 0,
    files: s.files || {},
    scripts: page ? at(s.scripts || "../assets/offline-pyodide/") : "",
    lock: !page, // the offline copy carries the lock in a script (lockFileContents)
  });
}

/** Node (parity tests, build tools): a directory holding the same files as site/assets/pyodide/. */
export function dirConfig(dir) {
  return config("node", dir.endsWith("/") ? dir : `${dir}/`);
}

/** {file name: URL} for runtime files, as the loader requests them (diagnose.mjs fetches them again). */
export function runtimeURLs(config, names) {
  const urls = {};
  for (const name of names) {
    if (name === "pyodide-lock.json" && config.lockFileURL) urls[name] = config.lockFileURL;
    else if (name === STDLIB) urls[name] = config.stdLibURL;
    else urls[name] = new URL(name, config.indexURL).href;
  }
  return urls;
}
