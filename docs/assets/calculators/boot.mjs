// Boot Pyodide with the calculators wheel and expose run(). Used by the Web Worker and by
// the Node parity runner, so both run exactly the same start-up.

/**
 * @param loadPyodide  the loader from pyodide.mjs
 * @param config       from pyodide-config.mjs
 * @param stage        called with "boot" once the loader runs, "rules" once the interpreter is up
 */
export async function bootCalculators(loadPyodide, config, stage = () => {}) {
  stage("boot");
  const { engine: _engine, ...options } = config;
  const pyodide = await loadPyodide({ ...options, stdout: () => {}, stderr: () => {} });
  stage("rules");
  const engine = pyodide.pyimport(config.engine);
  return {
    pyodide,
    run(calculator, rules, input) {
      const text = typeof input === "string" ? input : JSON.stringify(input);
      return engine.run_json(calculator, rules, text);
    },
  };
}
