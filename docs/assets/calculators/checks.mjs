// The input checks of calculators/inputs.py, line for line, with the same Chinese texts
// (messages, max reasons and cross-field limits come from describe() via the page spec).
// Unlike the CLI, which stops at the first error, this returns every field's error at once.

export function fmt(template, kw) {
  return template.replace(/\{\{|\}\}|\{(\w+)\}/g, (m, k) =>
    m === "{{" ? "{" : m === "}}" ? "}" : k in kw && kw[k] !== undefined ? String(kw[k]) : m,
  );
}

export function choiceText(f) {
  return f.choices.map((c) => (c.value !== c.label ? `${c.value}（${c.label}）` : c.value)).join("、");
}

function maxOf(f, clean) {
  if (f.max_by) return f.max_by.values[clean[f.max_by.field]];
  return f.max;
}

class FieldError extends Error {}

// Which of a field's own ready-made messages (describe() → field.messages) stands for a template.
const FIELD_KEY = { required: "required", integer: "type", number: "type", boolean: "type", choice: "type",
  list: "type", negative: "min", not_positive: "min", too_big: "max" };

function text(T, key, kw, f, variant) {
  const own = f && f.messages;
  if (own && !(f.type === "list" && key === "choice")) {
    const k = FIELD_KEY[key];
    const m = (variant !== undefined && own[`${k}:${variant}`]) || own[k];
    if (m) return m;
  }
  return fmt(T.messages[key], kw);
}

let current = null; // the field being checked, for fail()

function fail(T, key, kw, variant) {
  throw new FieldError(text(T, key, kw, current, variant));
}

function checkNumber(f, value, clean, T) {
  const label = f.label;
  if (f.type === "integer") {
    if (typeof value !== "number" || !Number.isInteger(value)) fail(T, "integer", { label });
  } else if (typeof value !== "number" || !Number.isFinite(value)) fail(T, "number", { label });
  const lo = f.min;
  if (lo !== undefined && lo !== null) {
    if (f.exclusive_min && value <= lo) fail(T, "not_positive", { label, min: lo });
    if (value < lo) fail(T, "negative", { label });
  }
  const hi = maxOf(f, clean);
  if (hi !== undefined && hi !== null && value > hi) {
    const why = f.unit === "天" ? T.max_reasons[String(hi)] || "" : "";
    fail(T, "too_big", { label, max: hi, unit: f.unit || "", why }, f.max_by ? clean[f.max_by.field] : undefined);
  }
  return value;
}

function checkValue(f, value, clean, T) {
  const t = f.type;
  if (t === "integer" || t === "number") return checkNumber(f, value, clean, T);
  if (t === "boolean") {
    if (typeof value !== "boolean") fail(T, "boolean", { label: f.label });
    return value;
  }
  if (t === "choice") {
    if (!f.choices.some((c) => c.value === value)) fail(T, "choice", { label: f.label, choices: choiceText(f) });
    return value;
  }
  if (t === "list") {
    const max = f.max_items ?? (Array.isArray(value) ? value.length : 0);
    if (!Array.isArray(value) || value.length > max) fail(T, "list", { label: f.label, max_items: f.max_items });
    for (const item of value) {
      if (!f.choices.some((c) => c.value === item)) fail(T, "choice", { label: f.label, choices: choiceText(f) });
    }
    return [...value];
  }
  return value;
}

/** payload: {name: value|null}. Returns {clean, errors: {name: message}}. */
export function checkInputs(fields, payload, tables, notAbove = []) {
  const T = tables;
  const clean = {};
  const errors = {};
  const ordered = [...fields].sort((a, b) => Number(Boolean(a.max_by)) - Number(Boolean(b.max_by)));
  for (const f of ordered) {
    const value = payload[f.name];
    if (value === null || value === undefined) {
      if (f.required) errors[f.name] = text(T, "required", { label: f.label }, f);
      continue;
    }
    current = f;
    try {
      clean[f.name] = checkValue(f, value, clean, T);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      errors[f.name] = err.message;
    }
  }
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
  for (const [name, other, key] of notAbove) {
    if (name in clean && other in clean && clean[name] > clean[other] && !errors[name]) {
      errors[name] = fmt(T.messages[key], { label: byName[name].label, other: byName[other].label });
    }
  }
  return { clean, errors };
}
