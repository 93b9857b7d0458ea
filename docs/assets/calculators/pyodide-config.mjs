// Where the runtime lives, decided once from the environment; nothing here loads anything.
// An offline (file://) build can supply another config with the same shape.

export const PACKAGE = "zhucun-calculators";
export const ENGINE = "calculators.engine";
// The trimmed standard library the build writes beside the runtime (build_scripts/pyodide/stdlib.py),
// loaded instead of the upstream python_stdlib.zip.
export const STDLIB = "zhucun-stdlib.zip";

/** Config for a site served over http(s): runtime files beside this folder, in ../pyodide/. */
export function httpConfig(moduleURL, version = "") {
  const index = new URL("../pyodide/", moduleURL);
  const query = version ? `?v=${encodeURIComponent(version)}` : "";
  return {
    indexURL: index.href,
    lockFileURL: new URL(`pyodide-lock.json${query}`, index).href,
    stdLibURL: new URL(`${STDLIB}${query}`, index).href,
    packageBaseUrl: index.href,
    packages: [PACKAGE],
    engine: ENGINE,
  };
}

/** Config for Node (parity tests): a directory holding the same files as site/assets/pyodide/. */
export function dirConfig(dir) {
  const index = dir.endsWith("/") ? dir : `${dir}/`;
  return {
    indexURL: index,
    lockFileURL: `${index}pyodide-lock.json`,
    stdLibURL: `${index}${STDLIB}`,
    packageBaseUrl: index,
    packages: [PACKAGE],
    engine: ENGINE,
  };
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
