// Wires one calculator page: the form (generated at build time from describe()), the worker
// (started when the page is idle), the result, and the inputs remembered in localStorage.

const q = new URL(import.meta.url).search;
const [{ readForm, showErrors, saveForm, restoreForm, rememberRules, recallRules }, { renderResult }, { CalculatorRuntime, whenIdle, progressText }] =
  await Promise.all([import(`./form.mjs${q}`), import(`./result.mjs${q}`), import(`./runtime-client.mjs${q}`)]);

for (const root of document.querySelectorAll(".zc-calc")) setup(root);

function setup(root) {
  const spec = JSON.parse(root.dataset.spec);
  const form = root.querySelector("form");
  const status = root.querySelector(".zc-status");
  const bar = root.querySelector(".zc-progress");
  const out = root.querySelector(".zc-result");
  const key = `zhucun.calc.${spec.calculator}`;
  const total = Number(root.dataset.bytes || 0);

  if (!restoreForm(key, form)) recallRules(form);

  const runtime = new CalculatorRuntime(root.dataset.worker, total, (p) => {
    status.textContent = progressText(p);
    root.dataset.stage = p.stage;
    if (p.stage === "ready") root.dataset.marks = JSON.stringify(runtime.marks || {});
    bar.hidden = p.stage === "ready" || p.stage === "failed";
    if (p.stage === "download" && p.total) bar.value = Math.min(1, p.loaded / p.total);
    else bar.removeAttribute("value");
  });
  const saveData = navigator.connection && navigator.connection.saveData;
  if (!saveData) whenIdle(() => runtime.start());
  else form.addEventListener("focusin", () => runtime.start(), { once: true });

  form.addEventListener("input", () => saveForm(key, form));
  form.elements.rules.addEventListener("change", () => rememberRules(form));
  form.addEventListener("reset", () => {
    setTimeout(() => {
      saveForm(key, form);
      showErrors(form, {});
      out.hidden = true;
    });
  });

  form.querySelector(".zc-submit").disabled = false;
  root.dataset.wired = "1";

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { rules, values, errors } = readForm(form, spec);
    if (showErrors(form, errors)) {
      out.hidden = true; // a result for other input must not stay next to the error
      return;
    }
    saveForm(key, form);
    const button = form.querySelector(".zc-submit");
    button.disabled = true;
    button.textContent = root.dataset.stage === "ready" ? "计算中…" : "等待计算环境…";
    try {
      const result = await runtime.run(spec.calculator, rules, values);
      if (result && result.error) {
        const field = result.error.field;
        const known = field && form.querySelector(`.zc-field[data-field="${CSS.escape(field)}"]`);
        showErrors(form, { [known ? field : "rules"]: result.error.message });
        out.hidden = true;
      } else {
        showErrors(form, {});
        renderResult(out, result, spec);
        out.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    } catch (err) {
      status.textContent = `计算失败：${err.message}`;
    } finally {
      button.disabled = false;
      button.textContent = "计算";
    }
  });
}
