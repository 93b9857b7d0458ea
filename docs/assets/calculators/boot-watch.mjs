// Pyodide's loader only logs a wasm that does not instantiate ("wasm instantiation failed!") and
// then waits for ever. watchWasm reports such a failure, so a start can fail instead of hanging.
// Only instantiation from bytes or a response is watched (the loader's feature probe compiles a
// module of its own and handles that failure itself).

export function watchWasm(onFailure) {
  const W = WebAssembly;
  const streaming = W.instantiateStreaming;
  const plain = W.instantiate;
  if (streaming)
    W.instantiateStreaming = function (source, imports) {
      return streaming.call(W, source, imports).catch((err) => {
        onFailure(err);
        throw err;
      });
    };
  W.instantiate = function (source, imports) {
    const watched = !(source instanceof W.Module);
    return plain.call(W, source, imports).catch((err) => {
      if (watched) onFailure(err);
      throw err;
    });
  };
  return () => {
    if (streaming) W.instantiateStreaming = streaming;
    W.instantiate = plain;
  };
}
