// A fetch wrapper that reports bytes as response bodies arrive, so the page can show
// "下载运行环境 x/y MB". It counts on a clone and hands back the original response untouched,
// so WebAssembly streaming compilation and the browser's wasm code cache still apply.

export function countingFetch(baseFetch, onChunk) {
  return async function fetchWithProgress(input, init) {
    const resp = await baseFetch(input, init);
    if (!resp.body || !resp.ok) return resp;
    const url = resp.url || String(input);
    const reader = resp.clone().body.getReader();
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        onChunk(url, value.byteLength, false);
      }
      onChunk(url, 0, true);
    })().catch(() => {});
    return resp;
  };
}
