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

export function citeLink(cite, docs) {
  const [doc, anchor = ""] = String(cite).split("#");
  const a = document.createElement("a");
  a.className = "zc-cite";
  a.href = `../regulations/${encodeURIComponent(doc)}.html${anchor ? `#${anchor}` : ""}`;
  a.textContent = `${docs[doc] || doc} ${anchor ? anchorLabel(anchor) : ""}`.trim();
  return a;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function scalarText(v) {
  if (v === true) return "是";
  if (v === false) return "否";
  if (v === null || v === undefined) return "条文没有规定";
  return String(v);
}

function cites(item) {
  const c = item.cite ?? item.cites ?? item.citation ?? item.citations;
  if (!c) return [];
  return Array.isArray(c) ? c : [c];
}

/** One list item: a string, a {text, cite}, a {by, action}, or any object (its fields in order). */
function itemNode(item, docs) {
  const li = el("li");
  if (typeof item === "string" && /^[a-z0-9-]+#[a-z0-9-]+$/.test(item)) {
    li.append(citeLink(item, docs));
    return li;
  }
  if (item === null || typeof item !== "object") {
    li.textContent = scalarText(item);
    return li;
  }
  const text =
    item.text ??
    (item.by || item.action ? [item.by, item.action].filter(Boolean).join("：") : null) ??
    item.message ??
    item.reading;
  if (text !== null && text !== undefined) li.append(el("span", "zc-item-text", String(text)));
  for (const [k, v] of Object.entries(item)) {
    if (["text", "by", "action", "cite", "cites", "citation", "citations", "message", "reading"].includes(k)) continue;
    if (v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    if (typeof v === "object") li.append(section(k, v, docs));
    else li.append(el("span", "zc-item-extra", `（${LABELS[k] || k}：${scalarText(v)}）`));
  }
  for (const c of cites(item)) {
    li.append(" ");
    li.append(citeLink(c, docs));
  }
  return li;
}

function section(key, value, docs, labels = LABELS) {
  const box = el("div", "zc-section");
  box.append(el("h3", null, labels[key] || LABELS[key] || key));
  const list = el("ul");
  for (const item of Array.isArray(value) ? value : Object.entries(value).map(([k, v]) => ({ text: `${labels[k] || k}：${scalarText(v)}` }))) {
    list.append(itemNode(item, docs));
  }
  box.append(list);
  return box;
}

const VERDICT = ["compliant", "eligible", "excellent_eligible"];

/** Fill `target` with the rendered result. */
export function renderResult(target, result, spec) {
  const docs = spec.docs || {};
  const labels = { ...LABELS, ...(spec.outputs && spec.outputs.labels) };
  target.replaceChildren();
  target.hidden = false;
  target.append(el("h2", null, "计算结果"));
  const facts = el("dl", "zc-facts");
  const sections = [];
  for (const [key, value] of Object.entries(result)) {
    if (Array.isArray(value) || (value && typeof value === "object")) {
      if (Array.isArray(value) && !value.length) continue;
      sections.push(section(key, value, docs, labels));
      continue;
    }
    const dt = el("dt", null, labels[key] || key);
    const dd = el("dd", null, scalarText(value));
    if (VERDICT.includes(key)) dd.classList.add(value === true ? "zc-yes" : value === false ? "zc-no" : "zc-open");
    facts.append(dt, dd);
  }
  if (facts.childElementCount) target.append(facts);
  target.append(...sections);
  target.append(el("p", "zc-note", "结果按所选制度的条文计算，仅供参考；以原发文机关的正式文本和组织认定为准。"));
}
