// Read, check, remember and mark up the calculator form. The checks come from the same field
// definitions as the command line (describe()): type, required, min/max, choices.

const INT_TYPES = new Set(["int", "integer"]);
const NUM_TYPES = new Set(["int", "integer", "number", "float"]);
const BOOL_TYPES = new Set(["bool", "boolean"]);
const LIST_TYPES = new Set(["list", "array"]);

function message(field, key, fallback) {
  const m = field.messages && field.messages[key];
  return (m || fallback).replaceAll("{label}", field.label).replaceAll("{min}", field.min).replaceAll("{max}", field.max);
}

/** One field's value from its raw text: {value} or {error}; {skip:true} when left empty and optional. */
export function parseField(field, raw) {
  const text = (raw ?? "").trim();
  if (text === "") {
    return field.required ? { error: message(field, "required", "请填写“{label}”。") } : { skip: true };
  }
  if (field.choices) {
    return field.choices.some((c) => c.value === text) ? { value: text } : { error: message(field, "choice", "“{label}”只能从列表中选择。") };
  }
  if (BOOL_TYPES.has(field.type)) return { value: text === "true" };
  if (LIST_TYPES.has(field.type)) return { value: text.split(/[,，、\s]+/).filter(Boolean) };
  if (NUM_TYPES.has(field.type)) {
    const n = Number(text);
    if (!Number.isFinite(n)) return { error: message(field, "type", "“{label}”要填数字。") };
    if (INT_TYPES.has(field.type) && !Number.isInteger(n)) return { error: message(field, "integer", "“{label}”要填整数。") };
    if (field.min !== undefined && n < field.min) return { error: message(field, "min", "“{label}”不能小于 {min}。") };
    if (field.max !== undefined && n > field.max) return { error: message(field, "max", "“{label}”不能大于 {max}。") };
    return { value: n };
  }
  return { value: text };
}

export function readForm(form, fields) {
  const values = {};
  const errors = {};
  for (const field of fields) {
    const r = parseField(field, form.elements[field.name]?.value);
    if (r.error) errors[field.name] = r.error;
    else if (!r.skip) values[field.name] = r.value;
  }
  return { rules: form.elements.rules.value, values, errors };
}

export function showErrors(form, errors) {
  let first = null;
  for (const box of form.querySelectorAll(".zc-field")) {
    const name = box.dataset.field;
    const el = box.querySelector(".zc-error");
    const control = form.elements[name];
    const msg = errors[name];
    el.hidden = !msg;
    el.textContent = msg || "";
    box.classList.toggle("zc-invalid", Boolean(msg));
    if (control) control.setAttribute("aria-invalid", msg ? "true" : "false");
    if (msg && !first) first = control || box;
  }
  if (first) {
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  return first !== null;
}

export function saveForm(key, form) {
  const data = {};
  for (const el of form.elements) if (el.name) data[el.name] = el.value;
  try {
    localStorage.setItem(key, JSON.stringify(data));
  } catch {
    /* storage full or disabled: nothing to keep */
  }
}

export function restoreForm(key, form) {
  let data = null;
  try {
    data = JSON.parse(localStorage.getItem(key) || "null");
  } catch {
    data = null;
  }
  if (!data) return false;
  for (const [name, value] of Object.entries(data)) {
    const el = form.elements[name];
    if (!el) continue;
    if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === value)) continue;
    el.value = value;
  }
  return true;
}
