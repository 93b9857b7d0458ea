// A fetch wrapper that reports bytes as response bodies stream in, so the page can show
// "下载运行环境 x/y MB". The response keeps its status, headers (application/wasm) and url.

export function countingFetch(baseFetch, onChunk) {
  return async function fetchWithProgress(input, init) {
    const resp = await baseFetch(input, init);
    if (!resp.body) return resp;
    const url = resp.url || String(input);
    const reader = resp.body.getReader();
    const body = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          onChunk(url, 0, true);
          controller.close();
          return;
        }
        onChunk(url, value.byteLength, false);
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    const wrapped = new Response(body, { status: resp.status, statusText: resp.statusText, headers: resp.headers });
    Object.defineProperty(wrapped, "url", { value: url });
    return wrapped;
  };
}
