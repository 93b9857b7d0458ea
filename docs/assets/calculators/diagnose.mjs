// After a failed start: which file is at fault, and how? Used by the worker (runtime files,
// against the build's manifest of lengths and SHA-256) and by the page (the worker's own scripts).

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Fetch each named runtime file again (from the browser cache where it is there) and compare it
 * with the manifest: length always, SHA-256 where the browser offers it (secure contexts).
 * @returns {kind, file} of the first file that is missing, unreachable or not the build's, or null
 */
export async function diagnose(urls, manifest, baseFetch = fetch, names = Object.keys(urls)) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  for (const name of names) {
    const want = manifest[name];
    if (!want || !urls[name]) continue;
    let data;
    try {
      const resp = await baseFetch(urls[name]);
      if (!resp.ok) return { kind: "missing", file: name, status: resp.status };
      data = await resp.arrayBuffer();
    } catch {
      return { kind: "network", file: name };
    }
    if (data.byteLength !== want.bytes) return { kind: "corrupt", file: name };
    if (want.sha256 && subtle && hex(await subtle.digest("SHA-256", data)) !== want.sha256)
      return { kind: "corrupt", file: name };
  }
  return null;
}

/**
 * For scripts that failed to load as modules (the worker, its imports): unreachable → network,
 * an error status → missing, fetched fine (so it did not parse) → corrupt.
 */
export async function checkScripts(urls, baseFetch = fetch) {
  for (const url of urls) {
    try {
      const resp = await baseFetch(url, { cache: "no-cache" });
      if (!resp.ok) return { kind: "missing", file: url.split("/").pop().split("?")[0], status: resp.status };
    } catch {
      return { kind: "network", file: url.split("/").pop().split("?")[0] };
    }
  }
  return { kind: "corrupt", file: "" };
}
