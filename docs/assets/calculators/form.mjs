// Read the calculator form into a typed payload, check it with checks.mjs, mark errors next
// to their fields, and remember the inputs in localStorage.

import { checkInputs } from "zc/checks.mjs";

function controls(form, name) {
  return [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
}

/** A control's typed value: null when empty; number boxes give their text as typed, which
 * checks.mjs reads the way calculators/inputs.py does ("１５", "3天", "一天半") or refuses ("1。5"). */
function typedValue(field, el) {
  const text = (el.value ?? "").trim();
  if (text === "") return null;
  if (field.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}

export function readForm(form, spec) {
  const payload = {};
  for (const field of spec.fields) {
    const els = controls(form, field.name);
    if (field.type === "list") {
      const items = els.map((el) => typedValue(field, el)).filter((v) => v !== null);
      payload[field.name] = items.length ? items : null;
    } else payload[field.name] = els.length ? typedValue(field, els[0]) : null;
  }
  const { clean, errors } = checkInputs(spec.fields, payload, spec.checks, spec.checks.not_above || []);
  return { rules: form.elements.rules.value, values: clean, errors };
}

export function showErrors(form, errors) {
  let first = null;
  for (const box of form.querySelectorAll(".zc-field")) {
    const name = box.dataset.field;
    const el = box.querySelector(".zc-error");
    const msg = errors[name];
    el.hidden = !msg;
    el.textContent = msg || "";
    box.classList.toggle("zc-invalid", Boolean(msg));
    for (const c of controls(form, name)) c.setAttribute("aria-invalid", msg ? "true" : "false");
    if (msg && !first) first = controls(form, name)[0] || box;
  }
  if (first) {
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center" });
  }
  return first !== null;
}

export function saveForm(key, form) {
  const data = {};
  for (const el of form.elements) if (el.name) (data[el.name] ??= []).push(el.value);
  try {
    localStorage.setItem(key, JSON.stringify(data));
  } catch {
    /* storage full or disabled: nothing to keep */
  }
}

// The jurisdiction chosen last on any calculator page; a page with nothing of its own
// remembered starts with it when it offers that rule set.
const RULES_KEY = "zhucun.calc.rules";

export function rememberRules(form) {
  try {
    localStorage.setItem(RULES_KEY, form.elements.rules.value);
  } catch {
    /* storage disabled */
  }
}

export function recallRules(form) {
  let last = null;
  try {
    last = localStorage.getItem(RULES_KEY);
  } catch {
    last = null;
  }
  const select = form.elements.rules;
  if (last && [...select.options].some((o) => o.value === last)) select.value = last;
}

export function restoreForm(key, form) {
  let data = null;
  try {
    data = JSON.parse(localStorage.getItem(key) || "null");
  } catch {
    data = null;
  }
  if (!data) return false;
  for (const [name, values] of Object.entries(data)) {
    controls(form, name).forEach((el, i) => {
      const value = Array.isArray(values) ? values[i] : values;
      if (value === undefined) return;
      if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === value)) return;
      el.value = value;
    });
  }
  return true;
}
