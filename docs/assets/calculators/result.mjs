// Render a calculator's result object in plain Chinese; every cited finding links to its clause.

/** The link to a clause as the page spec ships it ({label, href}, built from the corpus at build time). */
export function citeLink(link) {
  const a = document.createElement("a");
  a.className = "zc-cite";
  a.href = link.href;
  a.textContent = link.label;
  return a;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Flags whose message the conclusion line already carries.
const FLAGS = { silent: true, ambiguous: true, uncovered: true };

function scalarText(v, ctx) {
  if (v === true) return "是";
  if (v === false) return "否";
  if (v === null || v === undefined) return "条文不能确定";
  return ctx.values[v] || String(v);
}

// The page that lists every reading the rule sets chose (generated from them at build time).
export const READINGS_URL = "../compare/readings.html";

const AUDIENCE = { self: "对本人", unit: "对派出单位和有关单位", procedure: "程序与时限" };
const CERTAIN_WORD = { possible: "可能适用" };

/** One conclusion first: the answer a cadre acts on, in one line. */
export function conclusion(result) {
  switch (result.calculator) {
    case "attendance":
      if (result.compliant === true) return { text: "达标", tone: "zc-yes" };
      if (result.compliant === false) return { text: result.shortfall ? `未达标：差 ${result.shortfall} 天` : "未达标", tone: "zc-no" };
      return { text: result.silent ? "所选制度对此没有规定，不能判定" : "条文不能确定是否达标（见理由）", tone: "zc-open" };
    case "leave":
      if (result.approver) return { text: `由${result.approver}批准`, tone: "zc-yes" };
      if (result.ambiguous) return { text: "条文有不止一种读法（见各种读法）", tone: "zc-open" };
      if (result.silent) return { text: "所选制度没有规定由谁批准", tone: "zc-open" };
      return { text: "条文没有规定由谁批准这种情况", tone: "zc-open" };
    case "assessment": {
      if (result.forced_tier) return { text: `条文规定直接评定为${result.forced_tier}`, tone: "zc-no" };
      const maybe = (result.triggers || []).some((t) => t.certainty === "possible");
      const some = (result.triggers || []).length > 0;
      if (maybe && !(result.triggers || []).some((t) => t.certainty !== "possible"))
        return { text: "可能适用的情形需组织认定（见理由）", tone: "zc-open" };
      if (some) {
        const sure = result.triggers.filter((t) => t.certainty !== "possible");
        const first = String(sure[0].text).replace(/（填写：.*$/, "");
        return { text: `已触发：${first}${sure.length > 1 ? ` 等 ${sure.length} 种情形` : ""}（后果见下）`, tone: "zc-no" };
      }
      if (result.annual_assessment === false)
        return { text: "按条文本年度不进行年度考核（见“能否评优秀”和说明）", tone: "zc-open" };
      return { text: "填写的情况没有触发条文规定的等次或后果", tone: "zc-open" };
    }
    case "quota":
      return { text: `优秀最多 ${result.max_excellent} 人`, tone: "zc-yes" };
    case "eligibility":
      return { text: result.summary, tone: result.eligible === true ? "zc-yes" : result.eligible === false ? "zc-no" : "zc-open" };
    default:
      return null;
  }
}

function citeKey(item) {
  return item && typeof item === "object" ? item.cite || null : null;
}

/** A list block; each clause is linked once, after the last item of the block that cites it. */
function listBlock(title, items, ctx, { ordered = false, itemFn = textOf } = {}) {
  const box = el("div", "zc-section");
  box.append(el("h3", null, title));
  const list = el(ordered ? "ol" : "ul");
  const last = new Map();
  items.forEach((it, i) => {
    for (const c of [citeKey(it), it && it.because_cite].filter(Boolean)) last.set(c, i);
  });
  items.forEach((it, i) => {
    const li = el("li");
    itemFn(it, li, ctx);
    for (const c of [citeKey(it), it && it.because_cite].filter(Boolean)) {
      if (last.get(c) === i) li.append(" ", citeLink(ctx.cites[c]));
    }
    list.append(li);
  });
  box.append(list);
  return box;
}

function textOf(item, li, ctx) {
  if (item === null || typeof item !== "object") {
    li.textContent = String(item);
    return;
  }
  let text = item.text;
  if (text === undefined && (item.by || item.action)) text = [item.by, ctx.actions[item.action] || item.action].filter(Boolean).join(" ");
  if (item.certainty === "possible" && !String(text).startsWith("可能适用")) li.append(el("span", "zc-tag zc-tag-maybe", "可能适用"), " ");
  li.append(el("span", "zc-item-text", String(text ?? "")));
  if (item.because) li.append(el("span", "zc-because", `为什么只是可能：${item.because}`));
}

function consequenceText(item, li) {
  if (item.mitigation) li.append(el("span", "zc-tag", "可从轻"), " ");
  if (item.certainty === "possible") li.append(el("span", "zc-tag zc-tag-maybe", "可能"), " ");
  else if (item.condition) li.append(el("span", "zc-tag zc-tag-if", "有条件"), " ");
  li.append(el("span", "zc-item-text", item.text));
  if (item.condition && !item.text.includes(item.condition) && !item.sameCondition)
    li.append(el("span", "zc-because", `条件：${item.condition}`));
}

function consequenceBlocks(items, ctx) {
  const out = [];
  const alts = new Map();
  const groups = { self: [], unit: [], procedure: [] };
  for (const it of items) {
    if (it.alternative) {
      if (!alts.has(it.alternative)) alts.set(it.alternative, []);
      alts.get(it.alternative).push(it);
    } else (groups[it.to] || groups.self).push(it);
  }
  for (const list of [...Object.values(groups), ...alts.values()]) {
    // A condition shared by the items that follow is said once, under the last of them.
    list.forEach((it, i) => {
      it.sameCondition = Boolean(it.condition) && i + 1 < list.length && list[i + 1].condition === it.condition;
    });
  }
  for (const [key, title] of Object.entries(AUDIENCE)) {
    if (groups[key].length) out.push(listBlock(`后果：${title}`, groups[key], ctx, { itemFn: consequenceText }));
  }
  for (const [label, list] of alts) {
    const box = listBlock("后果：以下只会有一种", list, ctx, { itemFn: consequenceText });
    box.insertBefore(el("p", "zc-because", label), box.children[1]);
    out.push(box);
  }
  return out;
}

function readingText(rd, li, ctx) {
  if (rd.condition) li.append(el("strong", null, `${rd.condition}：`));
  li.append(el("span", "zc-item-text", rd.text));
}

function uncheckedBlock(items, form) {
  const box = el("div", "zc-section zc-unchecked");
  box.append(el("h3", null, "还可以填写（能核对更多情形）"));
  const list = el("ul");
  for (const it of items.slice(0, 6)) {
    const li = el("li");
    const a = el("a", "zc-goto", it.label);
    a.href = `#zc-f-${it.field}`;
    a.addEventListener("click", (ev) => {
      const target = form && form.querySelector(`[name="${CSS.escape(it.field)}"]`);
      if (!target) return;
      ev.preventDefault();
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    });
    li.append(a);
    if (it.why) li.append(el("span", "zc-because", `用于核对：${it.why}`));
    list.append(li);
  }
  if (items.length > 6) list.append(el("li", null, `另有 ${items.length - 6} 项，见表单。`));
  box.append(list);
  return box;
}

// Result keys shown by the blocks below (everything else: facts list or ignored).
const SHOWN = new Set(["calculator", "rules", "rules_name", "role_label", "caveats", "silent", "ambiguous", "uncovered",
  "findings", "triggers", "reasons", "steps", "readings", "consequences", "unlisted", "tenure", "notes", "unchecked",
  "citations", "approver", "compliant", "eligible", "summary", "forced_tier", "excellent", "excellent_eligible",
  "max_excellent"]);

/** Fill `target` with the rendered result: the conclusion first, then reasons, consequences, notes. */
export function renderResult(target, result, spec) {
  const ctx = {
    cites: spec.cites,
    actions: spec.value_labels.actions,
    values: spec.value_labels.roles,
    label: (k) => spec.outputs[k],
  };
  const form = target.closest(".zc-calc") && target.closest(".zc-calc").querySelector("form");
  target.replaceChildren();
  target.hidden = false;
  target.append(el("h2", null, "计算结果"));
  if (result.rules_name) target.append(el("p", "zc-basis", `按《${result.rules_name}》${result.role_label ? `，身份：${result.role_label}` : ""}`));
  const head = conclusion(result);
  if (head) target.append(el("p", `zc-conclusion ${head.tone}`, head.text));
  for (const c of result.caveats || []) {
    const p = el("p", "zc-flag zc-caveat", `注意：${c.text}`);
    if (c.cite) p.append(" ", citeLink(ctx.cites[c.cite]));
    target.append(p);
  }

  const facts = el("dl", "zc-facts");
  const fact = (k, v, tone) => {
    const dd = el("dd", tone || null, scalarText(v, ctx));
    facts.append(el("dt", null, ctx.label(k)), dd);
  };
  if (result.calculator === "attendance" && result.required !== null && result.required !== undefined) fact("required", result.required);
  if (result.calculator === "assessment" && result.excellent) {
    const word = { true: "条文没有排除", false: "不能", null: "不能确定" }[String(result.excellent_eligible)];
    const dd = el("dd");
    dd.append(el("span", result.excellent_eligible === false ? "zc-no" : "zc-open", word),
      el("span", "zc-because", result.excellent.text));
    if (result.excellent.cite) dd.append(" ", citeLink(ctx.cites[result.excellent.cite]));
    facts.append(el("dt", null, "能否评优秀"), dd);
  }
  for (const [k, v] of Object.entries(result)) {
    if (SHOWN.has(k) || k in FLAGS || v === null || v === undefined || typeof v === "object" || k === "required" || k === "shortfall") continue;
    fact(k, v);
  }
  if (facts.childElementCount) target.append(facts);

  const blocks = [];
  const reasons = [...(result.findings || []), ...(result.triggers || []), ...(result.reasons || [])];
  if (result.steps && result.steps.length) blocks.push(listBlock("办理步骤", result.steps, ctx, { ordered: true }));
  if (result.readings && result.readings.length > 1) blocks.push(listBlock("各种读法", result.readings, ctx, { itemFn: readingText }));
  if (reasons.length) blocks.push(listBlock("理由", reasons, ctx));
  if (result.consequences && result.consequences.length) blocks.push(...consequenceBlocks(result.consequences, ctx));
  if (result.unlisted && result.unlisted.length) blocks.push(listBlock("还有这些情形也会引起处理（需对照条文，本计算器没有填写项）", result.unlisted, ctx));
  if (result.tenure && result.tenure.length) blocks.push(listBlock("任期与轮换", result.tenure, ctx));
  if (result.notes && result.notes.length) blocks.push(listBlock("说明", result.notes, ctx));
  if (result.unchecked && result.unchecked.length) blocks.push(uncheckedBlock(result.unchecked, form));
  target.append(...blocks);
  const more = el("p", "zc-note");
  const link = el("a", null, "解读说明");
  link.href = READINGS_URL;
  more.append("结果按所选制度的条文计算，仅供参考；以原发文机关的正式文本和组织认定为准。条文没有写明时我们怎样读，见", link, "。");
  target.append(more);
}
