// The input checks of calculators/inputs.py, line for line, with the same Chinese texts
// (messages, max reasons, cross-field limits and the unit words come from describe() via the page spec).
// Unlike the CLI, which stops at the first error, this returns every field's error at once.
// A number may be typed text ("１５", "3天", "一天半"): readNumberText reads it as calculators/inputs.py
// does, or refuses it ("1。5", "1,5", "1/2"); tests/calculators/input_vectors.yml binds the two.

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
  throw new FieldError(text(T, key, { unit: (current && current.unit) || "", ...kw }, current, variant));
}

// --- Text the way a phone types it (calculators/inputs.py: read_number_text) ---

const SPACES = new Set("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" +
  "\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff");
const CN_DIGITS = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS = { 十: 10, 百: 100, 千: 1000 };
const ARABIC = "[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]*)?|[+-]?\\.[0-9]+";
const CHINESE = "[零〇一二两三四五六七八九十百千万]+";
const NUMBER = `(?:${ARABIC}|${CHINESE})`;
const WHOLE = "(?:[0-9]+|[零〇一二两三四五六七八九十百千万]+)";
const RANGE = /[0-9零〇一二两三四五六七八九十百千万] *[-~～—–至到、;；和或] *[0-9零〇一二两三四五六七八九十]|[一二两三四五六七八九][一二两三四五六七八九]/u;
const DIGIT_SPACE = /[0-9] +[0-9]/;
const compiled = new Map();
function full(re) {
  if (!compiled.has(re)) compiled.set(re, new RegExp(`^(?:${re})$`, "u"));
  return compiled.get(re);
}
const codePoints = (s) => Array.from(s).length; // Python's len()

function alternatives(words) {
  const sorted = [...words].sort((a, b) => codePoints(b) - codePoints(a) || (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)";
}

/** Full-width ASCII (１５, ．, ，, ％, －) to half width, every space to " ", trimmed. */
export function halfWidth(text) {
  let out = "";
  for (let ch of text) {
    const o = ch.codePointAt(0);
    if (o >= 0xff01 && o <= 0xff5e) ch = String.fromCodePoint(o - 0xfee0);
    else if (SPACES.has(ch)) ch = " ";
    else if (ch === "\u2212" || ch === "\ufe63") ch = "-";
    else if (ch === "\uff61") ch = "。";
    out += ch;
  }
  return out.replace(/^ +| +$/g, "");
}

/** 十五 → 15, 一百零五 → 105, 一百五 → 150, 两万五 → 25000; null when not one number written the usual way. */
export function chineseNumber(text) {
  if (text === "零" || text === "〇") return 0;
  let total = 0;
  let section = 0;
  let digit = null;
  let last = null;
  let zero = false;
  let wan = false;
  for (const ch of text) {
    if (ch in CN_UNITS) {
      const u = CN_UNITS[ch];
      if (last !== null && u >= last) return null;
      if (digit === null) {
        if (u !== 10 || section || last !== null || zero) return null;
        digit = 1;
      }
      section += digit * u;
      digit = null;
      last = u;
      zero = false;
    } else if (ch === "万") {
      if (wan) return null;
      if (digit !== null) {
        section += digit;
        digit = null;
      }
      if (!section) return null;
      total = section * 10000;
      section = 0;
      last = null;
      zero = false;
      wan = true;
    } else if (CN_DIGITS[ch] === 0) {
      if (digit !== null || zero || (last === null && !wan)) return null;
      zero = true;
    } else {
      if (digit !== null) return null;
      digit = CN_DIGITS[ch];
    }
  }
  if (digit !== null) {
    if (zero || last === 10) section += digit;
    else if (last !== null) section += (digit * last) / 10;
    else if (wan) section += digit * 1000;
    else section += digit;
  } else if (zero) return null;
  return total + section;
}

function numberValue(f, T, s) {
  if (full(CHINESE).test(s)) return chineseNumber(s);
  const digits = s.replace(/,/g, "");
  if (f.type === "integer" && digits.includes(".") && /[1-9]/.test(digits.split(".")[1])) fail(T, "integer", { label: f.label });
  return Number(digits);
}

function textProblem(s, unit, type, allUnits) {
  if (s.includes("。")) return "text_fullstop";
  if (s.includes(",")) return "text_comma";
  if (s.includes("/") || s.includes("÷") || s.includes("分之")) return "text_fraction";
  if (RANGE.test(s)) return "text_range";
  if (unit && (full(`${NUMBER} *(?:${allUnits})半?`).test(s) || full(`半 *个?(?:${allUnits})`).test(s) ||
      full(`${WHOLE} *个半(?:${allUnits})`).test(s))) return "text_unit";
  if (DIGIT_SPACE.test(s)) return "text_space";
  return type === "integer" ? "integer" : "number";
}

/** The number a phone user meant by `text` in field f, null for blank; throws FieldError otherwise. */
function readNumberText(f, text, T) {
  const X = T.text || {};
  const label = f.label;
  if (codePoints(text) > (X.max_chars ?? 40)) fail(T, "text_long", { label });
  const s = halfWidth(text);
  if (s === "") return null;
  const unit = f.unit || "";
  const units = X.units || {};
  let m = s.match(full(`(${NUMBER})(?: *(?:${alternatives(units[unit] || [])}))?`));
  if (m) {
    const value = numberValue(f, T, m[1]);
    if (value !== null) return value;
  }
  m = s.match(full(`(${WHOLE}) *(?:${alternatives((X.half_after || {})[unit] || [])})`));
  if (m) {
    const value = numberValue(f, T, m[1]);
    if (value !== null) return value + 0.5;
  }
  if (((X.half_before || {})[unit] || []).includes(s)) return 0.5;
  const all = alternatives([...new Set([...Object.values(units).flat(), ...(X.other_units || [])])]);
  fail(T, textProblem(s, unit, f.type, all), { label });
  return null;
}

/** Not given: null, text of spaces only, or an empty list. */
function isBlank(value, T) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return codePoints(value) <= ((T.text || {}).max_chars ?? 40) && halfWidth(value) === "";
  return Array.isArray(value) && value.length === 0;
}

function checkNumber(f, value, clean, T) {
  const label = f.label;
  if (typeof value === "string") value = readNumberText(f, value, T);
  const infinite = value === Infinity || value === -Infinity;
  if (!infinite) {
    if (f.type === "integer") {
      if (typeof value !== "number" || !Number.isInteger(value)) fail(T, "integer", { label });
    } else if (typeof value !== "number" || !Number.isFinite(value)) fail(T, "number", { label });
  }
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
  if (infinite) fail(T, f.type === "integer" ? "integer" : "number", { label });
  return value === 0 ? 0 : value; // never -0
}

function checkValue(f, value, clean, T) {
  const t = f.type;
  if (t === "integer" || t === "number") return checkNumber(f, value, clean, T);
  if (t === "boolean") {
    if (typeof value !== "boolean") fail(T, "boolean", { label: f.label });
    return value;
  }
  if (t === "choice") {
    if (typeof value !== "string" || !f.choices.some((c) => c.value === value)) {
      fail(T, "choice", { label: f.label, choices: choiceText(f) });
    }
    return value;
  }
  if (t === "list") {
    const max = f.max_items ?? (Array.isArray(value) ? value.length : 0);
    if (!Array.isArray(value) || value.length > max) fail(T, "list", { label: f.label, max_items: f.max_items });
    for (const item of value) {
      if (typeof item !== "string" || !f.choices.some((c) => c.value === item)) {
        fail(T, "choice", { label: f.label, choices: choiceText(f) });
      }
    }
    return [...value];
  }
  return value;
}

function quotedLabels(labels) {
  const q = labels.map((l) => `“${l}”`);
  return q.length > 1 ? `${q.slice(0, -1).join("、")}与${q.at(-1)}` : q[0];
}

/** The cross-field limits of calculators/fields.py CROSS_CHECKS: {name: message} for the first broken ones. */
function checkAcross(cross, byName, clean, T) {
  const errors = {};
  for (const rule of cross || []) {
    if (Object.entries(rule.when || {}).some(([k, v]) => clean[k] !== v)) continue;
    if (rule.kind === "sum_max") {
      const given = rule.fields.filter((n) => n in clean);
      const sum = given.reduce((a, n) => a + clean[n], 0);
      if (given.length > 1 && sum > rule.max && !(given[0] in errors)) {
        const labels = quotedLabels(given.map((n) => byName[n].label));
        errors[given[0]] = fmt(T.messages[rule.message], { labels, max: rule.max, why: T.max_reasons[String(rule.max)] || "" });
      }
    } else if (rule.kind === "days_within_months") {
      const { days, months } = rule;
      if (days in clean && months in clean && !(days in errors)) {
        const most = 31 * (clean[months] + 1) - 1;
        if (clean[days] > most) {
          errors[days] = fmt(T.messages[rule.message], { label: byName[days].label, other: byName[months].label,
            months: clean[months], next: clean[months] + 1, max: most });
        }
      }
    }
  }
  return errors;
}

/** payload: {name: value|null}. Returns {clean, errors: {name: message}}. */
export function checkInputs(fields, payload, tables, notAbove = []) {
  const T = tables;
  const clean = {};
  const errors = {};
  const ordered = [...fields].sort((a, b) => Number(Boolean(a.max_by)) - Number(Boolean(b.max_by)));
  for (const f of ordered) {
    let value = payload[f.name];
    current = f;
    try {
      if (!isBlank(value, T)) value = checkValue(f, value, clean, T);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      errors[f.name] = err.message;
      continue;
    }
    if (isBlank(value, T)) {
      if (f.required) errors[f.name] = text(T, "required", { label: f.label }, f);
      continue;
    }
    clean[f.name] = value;
  }
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
  for (const [name, other, key] of notAbove) {
    if (name in clean && other in clean && clean[name] > clean[other] && !errors[name]) {
      errors[name] = fmt(T.messages[key], { label: byName[name].label, other: byName[other].label });
    }
  }
  const across = checkAcross(T.cross, byName, clean, T);
  for (const [name, message] of Object.entries(across)) if (!errors[name]) errors[name] = message;
  return { clean, errors };
}
