// Boot Pyodide with the calculators wheel and expose run(). Used by the Web Worker and by
// the Node parity runner, so both run exactly the same start-up.

// The diary page's calls go to calculators/diary.py under this name (not a calculator of the engine).
export const DIARY = "diary";
const DIARY_MODULE = "calculators.diary";

/**
 * @param loadPyodide  the loader from pyodide.mjs
 * @param config       from pyodide-config.mjs (its own keys left out, the rest are loadPyodide's options)
 * @param stage        called with "boot" once the loader runs, "rules" once the interpreter is up
 */
export async function bootCalculators(loadPyodide, config, stage = () => {}) {
  stage("boot");
  const { kind: _k, engine: _e, version: _v, total: _t, files: _f, scripts: _s, ...options } = config;
  const pyodide = await loadPyodide({ ...options, stdout: () => {}, stderr: () => {} });
  stage("rules");
  const engine = pyodide.pyimport(config.engine);
  let diary = null; // 我的驻村台账 (calculators/diary.py), imported on its page's first call only
  return {
    pyodide,
    run(calculator, rules, input) {
      const text = typeof input === "string" ? input : JSON.stringify(input);
      if (calculator === DIARY) {
        diary ??= pyodide.pyimport(DIARY_MODULE);
        return diary.run_json(rules, text); // rules: the diary's action (status, leave_request, ...)
      }
      return engine.run_json(calculator, rules, text);
    },
  };
}
