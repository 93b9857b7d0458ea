// Render a calculator's result object in plain Chinese; every cited finding links to its clause.

const LABELS = {
  compliant: "是否达标",
  required: "应在村天数",
  shortfall: "还差天数",
  findings: "依据与认定",
  consequences: "可能的后果",
  steps: "办理步骤",
  approver: "审批人",
  ambiguous: "条文有重叠（多种读法）",
  uncovered: "条文没有覆盖",
  notes: "说明",
  citations: "依据条文",
  forced_tier: "必须评定的等次",
  excellent_eligible: "能否评为优秀",
  triggers: "触发的情形",
  max_excellent: "优秀名额上限",
  eligible: "是否符合选派条件",
  reasons: "理由",
  readings: "各种读法",
};

const NUMERALS = "〇一二三四五六七八九十";
const PART = { duties: "职责部分", rights: "权利部分" };

/** "art-17-3-2" → "第17条（三）2"; "s7-2-3" → "七、（二）3"; others as written. */
export function anchorLabel(anchor) {
  const cn = (n) => (n <= 10 ? NUMERALS[n] : n < 20 ? `十${NUMERALS[n - 10]}` : String(n));
  let prefix = "";
  let a = anchor;
  const m0 = /^(duties|rights)-(.*)$/.exec(a);
  if (m0) {
    prefix = PART[m0[1]];
    a = m0[2];
  }
  let m;
  if (a === "preamble") return "开头部分";
  if (a === "closing") return "结尾部分";
  if ((m = /^ch-(\d+)$/.exec(a))) return `第${m[1]}章`;
  if ((m = /^art-(\d+)((?:-\d+)*)$/.exec(a))) {
    const rest = m[2].split("-").filter(Boolean).map(Number);
    return `第${m[1]}条` + rest.map((n, i) => (i === 0 ? `（${cn(n)}）` : i === 1 ? `${n}.` : `第${n}目`)).join("");
  }
  if ((m = /^s(\d+)((?:-\d+)*)$/.exec(a))) {
    const rest = m[2].split("-").filter(Boolean).map(Number);
    return prefix + `${cn(Number(m[1]))}、` + rest.map((n, i) => (i === 0 ? `（${cn(n)}）` : i === 1 ? `${n}.` : `第${n}目`)).join("");
  }
  return prefix + anchor;
}

export function citeLink(cite, docs, labels = {}) {
  const [doc, anchor = ""] = String(cite).split("#");
  const a = document.createElement("a");
  a.className = "zc-cite";
  a.href = `../regulations/${encodeURIComponent(doc)}.html${anchor ? `#${anchor}` : ""}`;
  a.textContent = `${docs[doc] || doc} ${anchor ? labels[cite] || anchorLabel(anchor) : ""}`.trim();
  return a;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Keys shown in the heading or not at all.
const HIDDEN = new Set(["calculator", "rules", "rules_name", "role_label"]);
// Yes/no answers whose null means "the text cannot decide".
const VERDICT = new Set(["compliant", "eligible", "excellent_eligible"]);
// Flags shown as a warning line when true, nothing when false.
const FLAGS = {
  silent: "所选制度对这一事项没有规定，下面的说明列出它写了什么。",
  ambiguous: "条文的范围有重叠，这种情况有不止一种读法，下面逐一列出，本计算器不替条文选择。",
  uncovered: "条文的各档都没有涵盖这种情况。",
};

/** "是否达标（null：条文不能确定）" → "是否达标" */
function cleanLabel(label) {
  return String(label).replace(/（null[^）]*）/, "");
}

function scalarText(v, ctx) {
  if (v === true) return "是";
  if (v === false) return "否";
  if (v === null || v === undefined) return "条文不能确定";
  return ctx.values[v] || String(v);
}

function cites(item) {
  const c = item.cite ?? item.citation ?? item.citations;
  if (!c) return [];
  return Array.isArray(c) ? c : [c];
}

const CITE_RE = /^[a-z0-9-]+#[a-z0-9-]+$/;
const ITEM_TEXT_KEYS = new Set(["text", "by", "action", "cite", "citation", "citations", "message"]);

/** One list item: a citation string, a text, a {text, cite}, a {by, action, cite} step, or any object. */
function itemNode(item, ctx) {
  const li = el("li");
  if (typeof item === "string" && CITE_RE.test(item)) {
    li.append(citeLink(item, ctx.docs, ctx.labels));
    return li;
  }
  if (item === null || typeof item !== "object") {
    li.textContent = scalarText(item, ctx);
    return li;
  }
  let text = item.text ?? item.message;
  if (text === undefined && (item.by || item.action)) {
    text = [item.by, ctx.actions[item.action] || item.action].filter(Boolean).join(" ");
  }
  if (text !== undefined && text !== null) li.append(el("span", "zc-item-text", String(text)));
  for (const c of cites(item)) {
    if (!c) continue;
    li.append(" ", citeLink(c, ctx.docs, ctx.labels));
  }
  for (const [k, v] of Object.entries(item)) {
    if (ITEM_TEXT_KEYS.has(k) || v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    if (typeof v === "object") li.append(section(k, v, ctx, "h4"));
    else if (text === undefined) li.append(el("span", "zc-item-extra", `${ctx.label(k)}：${scalarText(v, ctx)}`));
  }
  return li;
}

function section(key, value, ctx, tag = "h3") {
  const box = el("div", "zc-section");
  box.append(el(tag, null, ctx.label(key)));
  const list = el(key === "steps" ? "ol" : "ul");
  const items = Array.isArray(value) ? value : Object.entries(value).map(([k, v]) => `${ctx.label(k)}：${scalarText(v, ctx)}`);
  for (const item of items) list.append(itemNode(item, ctx));
  box.append(list);
  return box;
}

/** Fill `target` with the rendered result. */
export function renderResult(target, result, spec) {
  const outputs = spec.outputs || {};
  const vl = spec.value_labels || {};
  const ctx = {
    docs: spec.docs || {},
    labels: spec.clause_labels || {},
    actions: vl.actions || {},
    values: { ...(vl.roles || {}) },
    label: (k) => cleanLabel(outputs[k] || LABELS[k] || k),
  };
  target.replaceChildren();
  target.hidden = false;
  target.append(el("h2", null, "计算结果"));
  if (result.rules_name) target.append(el("p", "zc-basis", `按《${result.rules_name}》${result.role_label ? `，身份：${result.role_label}` : ""}`));
  for (const [flag, message] of Object.entries(FLAGS)) {
    if (result[flag] === true) target.append(el("p", "zc-flag", message));
  }
  const facts = el("dl", "zc-facts");
  const sections = [];
  const keys = [...Object.keys(outputs).filter((k) => k in result), ...Object.keys(result).filter((k) => !(k in outputs))];
  for (const key of keys) {
    const value = result[key];
    if (HIDDEN.has(key) || key in FLAGS) continue;
    if (value && typeof value === "object") {
      if (Array.isArray(value) && !value.length) continue;
      sections.push(section(key, value, ctx));
      continue;
    }
    if ((value === null || value === undefined) && !VERDICT.has(key)) continue;
    const dd = el("dd", null, scalarText(value, ctx));
    if (VERDICT.has(key)) dd.classList.add(value === true ? "zc-yes" : value === false ? "zc-no" : "zc-open");
    facts.append(el("dt", null, ctx.label(key)), dd);
  }
  if (facts.childElementCount) target.append(facts);
  target.append(...sections);
  target.append(el("p", "zc-note", "结果按所选制度的条文计算，仅供参考；以原发文机关的正式文本和组织认定为准。"));
}
