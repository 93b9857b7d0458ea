// Wires one calculator page: starts the runtime at once (on a first visit, once the service worker is
// in charge; the runtime runs off the main thread), then the form (generated at build time from
// describe()), the result, the status line with its 重试 button, and the inputs remembered in localStorage.

import { runtimeFor } from "zc/runtime-client.mjs";
import { serviceWorkerInCharge } from "zc/sw-in-charge.mjs";

const inCharge = serviceWorkerInCharge(8000);

const roots = [...document.querySelectorAll(".zc-calc")];
const runtimes = await Promise.all(roots.map(async (root) => {
  let runtime = null;
  const listeners = [];
  runtime = await runtimeFor(root, (p) => {
    root.dataset.stage = p.stage;
    if (p.stage === "ready") root.dataset.marks = JSON.stringify(runtime.marks || {});
    for (const fn of listeners) fn(p);
    runtime.last = p;
  });
  runtime.listen = (fn) => {
    listeners.push(fn);
    if (runtime.last) fn(runtime.last);
  };
  const saveData = navigator.connection && navigator.connection.saveData;
  if (!saveData) inCharge.then(() => runtime.start());
  else root.addEventListener("focusin", () => inCharge.then(() => runtime.start()), { once: true });
  return runtime;
}));

const [{ readForm, showErrors, saveForm, restoreForm, rememberRules, recallRules }, { renderResult }, { progressText, failureText }] =
  await Promise.all([import("zc/form.mjs"), import("zc/result.mjs"), import("zc/status-text.mjs")]);

roots.forEach((root, i) => setup(root, runtimes[i]));

function setup(root, runtime) {
  const spec = JSON.parse(root.dataset.spec);
  const form = root.querySelector("form");
  const status = root.querySelector(".zc-status");
  const retry = root.querySelector(".zc-retry");
  const bar = root.querySelector(".zc-progress");
  const out = root.querySelector(".zc-result");
  const stale = root.querySelector(".zc-stale-note");
  const button = form.querySelector(".zc-submit");
  const key = `zhucun.calc.${spec.calculator}`;
  let busy = false;

  if (!restoreForm(key, form)) recallRules(form);

  runtime.listen((p) => {
    status.textContent = progressText(p);
    delete root.dataset.error;
    if (retry) retry.hidden = p.stage !== "failed";
    bar.hidden = p.stage === "ready" || p.stage === "failed";
    if (p.stage === "download" && p.total) bar.value = Math.min(1, p.loaded / p.total);
    else bar.removeAttribute("value");
  });
  if (retry) retry.addEventListener("click", () => {
    retry.hidden = true;
    runtime.restart();
  });

  /** The result on screen no longer answers what the form says: grey it, say so. */
  function markStale(isStale) {
    out.classList.toggle("zc-stale", isStale && !out.hidden);
    if (stale) stale.hidden = !(isStale && !out.hidden);
  }
  function clearResult() {
    out.hidden = true;
    markStale(false);
  }

  form.addEventListener("input", () => {
    saveForm(key, form);
    markStale(true);
  });
  form.addEventListener("change", () => markStale(true));
  form.elements.rules.addEventListener("change", () => rememberRules(form));
  form.addEventListener("reset", () => {
    setTimeout(() => {
      saveForm(key, form);
      showErrors(form, {});
      clearResult();
    });
  });

  button.disabled = false;
  root.dataset.wired = "1";

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const { rules, values, errors } = readForm(form, spec);
    if (showErrors(form, errors)) {
      clearResult();
      return;
    }
    saveForm(key, form);
    if (root.dataset.error) {
      // the last calculation's failure is not this one's
      delete root.dataset.error;
      status.textContent = progressText(runtime.last || {});
    }
    busy = true;
    button.disabled = true;
    button.textContent = root.dataset.stage === "ready" ? "计算中…" : "等待计算环境…";
    try {
      await inCharge;
      const result = await runtime.run(spec.calculator, rules, values);
      if (result && result.error) {
        const field = result.error.field;
        const known = field && form.querySelector(`.zc-field[data-field="${CSS.escape(field)}"]`);
        showErrors(form, { [known ? field : "rules"]: result.error.message });
        clearResult();
      } else {
        showErrors(form, {});
        markStale(false);
        renderResult(out, result, spec);
        out.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    } catch (err) {
      // runtime failures are already on the status line (with 重试); a failed calculation is said here
      if (err && err.kind === "engine") {
        status.textContent = failureText(err);
        root.dataset.error = "engine";
      } else if (!(err && err.kind)) {
        console.error("[计算器]", err);
        status.textContent = failureText({ kind: "engine" });
        root.dataset.error = "engine";
      }
    } finally {
      busy = false;
      button.disabled = false;
      button.textContent = "计算";
    }
  });
}
