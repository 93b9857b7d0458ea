// A fetch wrapper for the runtime's downloads. It counts bytes as bodies arrive (for "下载运行环境
// x/y MB") and reports how each download of a file named in the build's manifest ended: an error
// status, a connection that broke, or a body whose length is not the one the build wrote. It counts
// on a clone and hands back the original response untouched, so WebAssembly streaming compilation
// and the browser's wasm code cache still apply.

/** The file name a runtime URL ends in ("pyodide.asm.wasm"), without query or fragment. */
export function fileName(url) {
  return decodeURIComponent(new URL(url, self.location.href).pathname.split("/").pop());
}

/**
 * @param baseFetch  the fetch to wrap
 * @param sizes      {file name: bytes} the build wrote
 * @param reload     true: bypass the browser cache for those files (a retry after a bad file)
 * @param on         {bytes(name, n), done(name), problem({kind, file, body?, checked?, received?})}
 */
export function countingFetch(baseFetch, { sizes = {}, reload = false, on }) {
  return function fetchWithProgress(input, init) {
    const p = fetchAndCount(input, init);
    // the loader awaits some of its downloads only later: a failure is reported (on.problem) and
    // handled there, not an "uncaught" error meanwhile
    p.catch(() => {});
    return p;
  };

  async function fetchAndCount(input, init) {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const name = fileName(url);
    const known = Object.hasOwn(sizes, name);
    let resp;
    try {
      resp = await baseFetch(input, known && reload ? { ...init, cache: "reload" } : init);
    } catch (err) {
      // no response at all: the network, or (only where the loader asks for one) a failed integrity check
      if (known) on.problem({ kind: "network", file: name, checked: Boolean(init && init.integrity), cause: err });
      throw err;
    }
    if (!resp.ok) {
      if (known) on.problem({ kind: "missing", file: name, status: resp.status });
      return resp;
    }
    if (!resp.body) return resp;
    const reader = resp.clone().body.getReader();
    (async () => {
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        on.bytes(name, value.byteLength);
      }
      if (known && received !== sizes[name]) on.problem({ kind: "corrupt", file: name, received, expected: sizes[name] });
      else on.done(name);
    })().catch((err) => {
      if (known) on.problem({ kind: "network", file: name, body: true, cause: err });
    });
    return resp;
  }
}
