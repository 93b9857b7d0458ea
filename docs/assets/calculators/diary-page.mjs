// 我的驻村台账 page: profile, calendar, 今天在村, live status, leave requests, print, CSV, backup.
// Every count, check and threshold comes from calculators/diary.py, run in Pyodide by the calculators'
// own runtime (worker online, page thread from file://); this file only draws and saves.
// Every data string reaches the page through textContent.

import { runtimeFor } from "zc/runtime-client.mjs";
import { citeLink } from "zc/result.mjs";
import { progressText, failureText } from "zc/status-text.mjs";
import * as store from "zc/diary-store.mjs";
import { serviceWorkerInCharge } from "zc/sw-in-charge.mjs";

const root = document.querySelector(".zd-diary");
const cfg = JSON.parse(root.dataset.config);
const $ = (sel) => root.querySelector(sel);
const WEEK = ["一", "二", "三", "四", "五", "六", "日"];
const SHORT = { in_village: "在村", night: "住宿", leave: "请假", official: "公出", absent: "离岗", duty: "值班" };
const PALETTE = [
  { key: "in_village", mark: { mark: "in_village" } },
  { key: "night", mark: { mark: "night" } },
  { key: "duty", mark: { mark: "duty" } },
  { key: "meeting", mark: { mark: "official", kind: "meeting" } },
  { key: "training", mark: { mark: "official", kind: "training" } },
  { key: "trip", mark: { mark: "official", kind: "trip" } },
  { key: "leave", mark: { mark: "leave", status: "approved" } },
  { key: "absent", mark: { mark: "absent" } },
  { key: "clear", mark: null },
];

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function labelOf(m) {
  let s = cfg.marks[m.mark] || "？";
  if (m.mark === "official") s += `（${cfg.official_kinds[m.kind] || "未选类别"}）`;
  if (m.mark === "leave") s += `（${cfg.leave_status[m.status] || "未选状态"}）`;
  return s;
}

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const todayISO = () => iso(new Date());
const cnDay = (s) => `${+s.slice(0, 4)}年${+s.slice(5, 7)}月${+s.slice(8, 10)}日`;

// ---------- storage ----------
const box = window.ZhucunStorage.open("diary", {
  version: store.VERSION,
  label: "驻村台账",
  empty: store.empty,
  clean: store.clean,
  migrate: { 1: store.migrate1 },
  exportText: () => store.backupText(box.data),
  exportLabel: "导出台账备份",
  onChange: () => refresh(),
});

// Saves `next`; when the browser cannot store it (storage full), the change stays on this page, as the
// storage layer's "没有保存" notice (with its backup button) then says: nothing the user entered is dropped.
function commit(next, counted = true) {
  if (counted) next.unsaved = (next.unsaved || 0) + 1;
  if (box.commit(next)) return true;
  box.data = next;
  box.save();
  return false;
}

// ---------- runtime ----------
const runtime = await runtimeFor(root, (p) => {
  root.dataset.stage = p.stage;
  $(".zd-runtime").textContent = p.stage === "ready" ? "" : progressText(p);
  $(".zd-retry").hidden = p.stage !== "failed";
});
// on a first visit, once the service worker is in charge, so the runtime is downloaded once (as on the calculator pages)
serviceWorkerInCharge(8000).then(() => runtime.start());
$(".zd-retry").addEventListener("click", () => runtime.restart());

// Every change is checked by the runtime: when it could not start (or a run failed), nothing is kept and
// `tell` (where the user pressed) says so and what to do; the failure goes on to stop the caller. A call
// that keeps nothing anyway (查审批人) passes `saves: false` and is told only why.
async function call(action, args, tell = null, { saves = true } = {}) {
  try {
    return await runtime.run("diary", action, { ...args, today: todayISO() });
  } catch (err) {
    const why = failureText(err || {});
    if (tell) tell(`${saves ? "没有保存：" : ""}${why}${why.includes("重试") ? "（“重试”在下面“我现在的情况”里）" : ""}`);
    throw err;
  }
}

// ---------- profile ----------
const pform = $(".zd-profile-form");
function fillProfile() {
  const p = box.data.profile;
  for (const k of ["rules", "role", "start", "name", "unit"]) pform.elements[k].value = p[k] || "";
  const rs = ruleSet();
  const details = root.querySelector(".zd-profile");
  root.querySelector(".zd-profile-summary").textContent = rs
    ? `个人设置：${rs.title}，${cfg.roles[p.role] || ""}，${p.start ? cnDay(p.start) : ""}起（点此修改）`
    : "个人设置";
  if (!rs) details.open = true;
}
function fieldErrors(form, errors) {
  for (const f of form.querySelectorAll(".zd-field")) {
    const e = errors.find((x) => x.field === f.dataset.field);
    const p = f.querySelector(".zd-error");
    if (!p) continue;
    p.hidden = !e;
    p.textContent = e ? e.message : "";
    f.classList.toggle("zd-invalid", Boolean(e));
  }
}
pform.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const profile = {};
  for (const k of ["rules", "role", "start", "name", "unit"]) profile[k] = pform.elements[k].value.trim();
  const res = await call("validate", { profile, marks: [] },
    (message) => fieldErrors(pform, [{ field: "rules", message }]));
  const own = res.errors.filter((e) => ["rules", "role", "start"].includes(e.field));
  fieldErrors(pform, own);
  if (own.length) return;
  commit({ ...box.data, profile });
  root.querySelector(".zd-profile").open = false;
  refresh();
});

const ruleSet = () => cfg.rule_sets.find((r) => r.id === box.data.profile.rules);

// ---------- calendar ----------
let shown = new Date();
shown.setDate(1);
let selected = "in_village";
let rangeStart = null;

function drawPalette() {
  const pal = $(".zd-palette");
  pal.textContent = "";
  const rs = ruleSet();
  for (const p of PALETTE) {
    if (p.key === "night" && rs && !rs.nights) continue;
    const b = el("button", "zd-chip", p.mark ? labelOf(p.mark).replace("（已批准）", "") : "清除");
    b.type = "button";
    b.dataset.key = p.key;
    b.setAttribute("role", "radio");
    b.setAttribute("aria-checked", String(p.key === selected));
    if (p.mark && p.mark.mark === "official" && rs) {
      const c = rs.official[p.mark.kind];
      if (!c.counts) b.title = c.text;
    }
    b.addEventListener("click", () => {
      selected = p.key;
      drawPalette();
    });
    pal.append(b);
  }
}

function drawCalendar(errorDays = new Set()) {
  const grid = $(".zd-grid");
  grid.textContent = "";
  const y = shown.getFullYear();
  const m = shown.getMonth();
  $(".zd-month-title").textContent = `${y}年${m + 1}月`;
  $(".zd-print-month").textContent = `打印${y}年${m + 1}月考勤表`;
  for (const w of WEEK) grid.append(el("span", "zd-wd", w));
  const first = (new Date(y, m, 1).getDay() + 6) % 7;
  for (let i = 0; i < first; i++) grid.append(el("span", "zd-pad"));
  const n = new Date(y, m + 1, 0).getDate();
  const today = todayISO();
  for (let d = 1; d <= n; d++) {
    const day = iso(new Date(y, m, d));
    const mk = box.data.days[day];
    const b = el("button", "zd-day");
    b.type = "button";
    b.dataset.date = day;
    b.append(el("span", "zd-num", String(d)));
    b.append(el("span", "zd-mark", mk ? (mk.mark === "leave" && mk.status === "pending" ? "待批" : SHORT[mk.mark]) : ""));
    if (mk) b.dataset.mark = mk.mark;
    if (day === today) b.classList.add("zd-is-today");
    if (day === rangeStart) b.classList.add("zd-range-start");
    if (errorDays.has(day)) b.classList.add("zd-bad");
    b.setAttribute("aria-label", `${cnDay(day)}${mk ? "：" + labelOf(mk) : "：未记录"}`);
    grid.append(b);
  }
}

$(".zd-prev").addEventListener("click", () => {
  shown = new Date(shown.getFullYear(), shown.getMonth() - 1, 1);
  drawCalendar();
  loadSheet();
});
$(".zd-next").addEventListener("click", () => {
  shown = new Date(shown.getFullYear(), shown.getMonth() + 1, 1);
  drawCalendar();
  loadSheet();
});

function daysBetween(a, b) {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const out = [];
  for (let d = new Date(lo + "T00:00:00"); iso(d) <= hi; d.setDate(d.getDate() + 1)) out.push(iso(d));
  return out;
}

/** Mark some days; diary.py checks the result first, and nothing is saved when a changed day is refused. */
async function setDays(days, mark) {
  if (!box.data.profile.rules) {
    showErrors([{ field: "rules", message: "请先填写并保存个人设置。" }]);
    return false;
  }
  const next = { ...box.data, days: { ...box.data.days } };
  for (const d of days) {
    const old = next.days[d];
    if (mark === null || (days.length === 1 && old && JSON.stringify(old) === JSON.stringify(mark))) delete next.days[d];
    else next.days[d] = { ...mark };
  }
  const res = await call("validate", { profile: box.data.profile, marks: store.marksOf(next) },
    (message) => showErrors([{ message }]));
  const mine = res.errors.filter((e) => !e.date || days.includes(e.date));
  if (mine.length) {
    showErrors(mine);
    drawCalendar(new Set(mine.map((e) => e.date)));
    return false;
  }
  commit(next);
  await refresh();
  return true;
}

$(".zd-grid").addEventListener("click", async (ev) => {
  const b = ev.target.closest(".zd-day");
  if (!b) return;
  const day = b.dataset.date;
  const mark = PALETTE.find((p) => p.key === selected).mark;
  if ($(".zd-range").checked) {
    if (!rangeStart) {
      rangeStart = day;
      drawCalendar();
      return;
    }
    const days = daysBetween(rangeStart, day);
    rangeStart = null;
    await setDays(days, mark);
    return;
  }
  await setDays([day], mark);
});

function showErrors(errors) {
  const ul = $(".zd-errors");
  ul.textContent = "";
  for (const e of errors) ul.append(el("li", "", e.message));
}

// ---------- today ----------
$(".zd-today-btn").addEventListener("click", async () => {
  if (await setDays([todayISO()], { mark: "in_village" })) $(".zd-today-note").textContent = `已记下：${cnDay(todayISO())}在村。`;
});
$(".zd-today-night").addEventListener("click", async () => {
  if (await setDays([todayISO()], { mark: "night" })) $(".zd-today-note").textContent = `已记下：${cnDay(todayISO())}在村住宿。`;
});

// ---------- status ----------
function citeOf(c) {
  return citeLink(cfg.cites[c]);
}

function drawLines(lines) {
  const ul = $(".zd-lines");
  ul.textContent = "";
  for (const ln of lines) {
    const li = el("li", `zd-line zd-${ln.level}`);
    li.dataset.id = ln.id;
    li.dataset.level = ln.level;
    const word = { breach: "警示", warn: "提醒", silent: "条文未定", ok: "", info: "" }[ln.level];
    if (word) li.append(el("strong", "zd-badge", word));
    li.append(el("span", "zd-text", ln.text));
    if (ln.cite) li.append(" ", citeOf(ln.cite));
    if (ln.because) li.append(el("span", "zd-because", ln.because));
    if (ln.consequences && ln.consequences.length && ln.level !== "ok") {
      const sub = el("ul", "zd-cons");
      for (const c of ln.consequences) {
        const cli = el("li", "", c.condition ? `${c.text}（${c.condition}）` : c.text);
        if (c.cite && c.cite !== ln.cite) cli.append(" ", citeOf(c.cite));
        sub.append(cli);
      }
      li.append(sub);
    }
    ul.append(li);
  }
}

let lastStatus = null;
async function refresh() {
  fillProfile();
  const rs = ruleSet();
  $(".zd-today-night").hidden = !(rs && rs.nights);
  drawPalette();
  drawCalendar();
  drawRequests();
  drawBackupNote();
  if (!box.data.profile.rules) {
    $(".zd-lines").textContent = "";
    $(".zd-lines").append(el("li", "zd-line zd-info", "先在“个人设置”里选择适用的制度、身份和驻村开始日期。"));
    return;
  }
  try {
    const res = await call("status", { profile: box.data.profile, marks: store.marksOf(box.data) });
    lastStatus = res;
    showErrors(res.errors);
    drawCalendar(new Set(res.errors.map((e) => e.date).filter(Boolean)));
    drawLines(res.lines);
    root.dataset.status = "ready";
    await loadSheet();
  } catch (err) {
    if (err && err.kind === "engine") $(".zd-runtime").textContent = failureText(err);
  }
}

// ---------- leave ----------
const lform = $(".zd-leave-form");
let lastLeave = null;

function stepRows(reading) {
  return reading.steps.map((s) => ({ by: s.by, action: cfg.actions[s.action] || s.action, cite: s.cite }));
}

lform.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const res = await call("leave_request", {
    profile: box.data.profile, marks: store.marksOf(box.data),
    start: lform.elements.leave_start.value, end: lform.elements.leave_end.value,
  }, (message) => fieldErrors(lform, [{ field: "leave_start", message }]), { saves: false });
  fieldErrors(lform, res.errors.map((e) => (["leave_start", "leave_end"].includes(e.field) ? e : { ...e, field: "leave_start" })));
  const out = $(".zd-leave-result");
  out.textContent = "";
  out.hidden = Boolean(res.errors.length);
  if (res.errors.length) return;
  lastLeave = { ...res, reason: lform.elements.reason.value.trim() };
  const r = res.result;
  out.append(el("p", "zd-leave-days", `${cnDay(res.start)}至${cnDay(res.end)}，共 ${res.days} 天（${res.role}）。`));
  const readings = r.readings.length ? r.readings : [{ steps: [], text: "", cite: null }];
  readings.forEach((rd, i) => {
    const sec = el("div", "zd-reading");
    if (readings.length > 1) sec.append(el("p", "zd-reading-title", `读法${"一二三四"[i] || i + 1}${rd.condition ? "（" + rd.condition + "）" : ""}`));
    const ol = el("ol", "zd-steps");
    for (const s of stepRows(rd)) {
      const li = el("li", "", `${s.by}${s.action}`);
      if (s.cite) li.append(" ", citeOf(s.cite));
      ol.append(li);
    }
    if (!rd.steps.length) ol.append(el("li", "", "条文没有写由谁批准，需组织认定。"));
    sec.append(ol);
    out.append(sec);
  });
  for (const n of [...r.findings, ...r.notes.slice(0, 3), ...r.consequences]) {
    const p = el("p", "zd-note", n.text);
    if (n.cite) p.append(" ", citeOf(n.cite));
    out.append(p);
  }
  out.append(el("p", "zd-note", res.counting));
  const row = el("p", "zd-buttons");
  const print = el("button", "md-button md-button--primary zd-print-leave", "打印请假条");
  print.type = "button";
  print.addEventListener("click", () => printLeave(lastLeave));
  const keep = el("button", "md-button zd-keep-leave", "记入台账（待批）");
  keep.type = "button";
  keep.addEventListener("click", () => keepLeave(lastLeave));
  row.append(print, keep);
  out.append(row);
});

async function keepLeave(lv) {
  const id = `q${Date.now().toString(36)}`;
  const days = daysBetween(lv.start, lv.end);
  const approver = (lv.result.approver || "").slice(0, 100);
  const next = { ...box.data, days: { ...box.data.days }, requests: [...box.data.requests,
    { id, start: lv.start, end: lv.end, reason: lv.reason, status: "pending", created: Date.now() }] };
  for (const d of days) next.days[d] = { mark: "leave", status: "pending", request: id, ...(approver ? { approver } : {}) };
  const res = await call("validate", { profile: box.data.profile, marks: store.marksOf(next) },
    (message) => fieldErrors(lform, [{ field: "leave_start", message }]));
  const mine = res.errors.filter((e) => days.includes(e.date));
  if (mine.length) {
    showErrors(mine);
    return;
  }
  commit(next);
  $(".zd-leave-result").hidden = true;
  await refresh();
}

function drawRequests() {
  const ul = $(".zd-requests");
  ul.textContent = "";
  for (const r of [...box.data.requests].reverse()) {
    const li = el("li", "zd-request", `${cnDay(r.start)}至${cnDay(r.end)}${r.reason ? "，" + r.reason : ""}：${r.status === "approved" ? "已批准" : "待批"}`);
    li.dataset.status = r.status;
    if (r.status === "pending") {
      const b = el("button", "md-button zd-approve", "标为已批准");
      b.type = "button";
      b.addEventListener("click", () => approve(r.id));
      li.append(" ", b);
    }
    ul.append(li);
  }
}

function approve(id) {
  const next = { ...box.data, days: { ...box.data.days }, requests: box.data.requests.map((r) => (r.id === id ? { ...r, status: "approved" } : r)) };
  for (const [d, m] of Object.entries(next.days)) if (m.request === id) next.days[d] = { ...m, status: "approved" };
  commit(next);
  refresh();
}

// ---------- print ----------
// The 考勤表 of an earlier month shows where the cadre stood at that month's end (diary.py with as_of), the
// current month's where they stand today, a month to come none. An earlier month's is fetched when the month
// is shown, so that printing happens within the tap.
const shownMonth = () => ({ first: iso(shown), last: iso(new Date(shown.getFullYear(), shown.getMonth() + 1, 0)) });
let sheetStatus = null; // {last, lines}
let sheetSeq = 0;
async function loadSheet() {
  const { last } = shownMonth();
  const seq = ++sheetSeq;
  sheetStatus = null;
  if (!box.data.profile.rules || last >= todayISO()) return;
  const res = await call("status", { profile: box.data.profile, marks: store.marksOf(box.data), as_of: last });
  if (seq === sheetSeq) sheetStatus = { last, lines: res.lines };
}

async function sheetLines() {
  const { first, last } = shownMonth();
  const today = todayISO();
  if (first > today) return null;
  if (last >= today) return lastStatus && { asOf: `截至${cnDay(today)}的情况：`, lines: lastStatus.lines };
  if (!sheetStatus || sheetStatus.last !== last) await loadSheet();
  return sheetStatus && { asOf: `截至${cnDay(last)}（本月最后一天）的情况：`, lines: sheetStatus.lines };
}

const printBox = root.querySelector(".zd-print");
function doPrint(kind, sheet) {
  printBox.textContent = "";
  printBox.append(sheet);
  document.body.append(printBox); // printed alone: everything else beside it is hidden (diary.css)
  document.body.dataset.zdPrint = kind;
  window.addEventListener("afterprint", () => delete document.body.dataset.zdPrint, { once: true });
  if (!navigator.webdriver) window.print();
}

function table(rows, cls) {
  const t = el("table", cls);
  for (const r of rows) {
    const tr = el("tr");
    for (const c of r) {
      const cell = el(c && c.head ? "th" : "td");
      if (c && c.node) cell.append(c.node);
      else cell.textContent = c && typeof c === "object" ? c.text : c ?? "";
      tr.append(cell);
    }
    t.append(tr);
  }
  return t;
}

const H = (text) => ({ head: true, text });
function citeText(c) {
  return c ? cfg.cites[c].label : "";
}

function printLeave(lv) {
  const p = box.data.profile;
  const sheet = el("div", "zd-sheet zd-sheet-leave");
  sheet.append(el("h1", "", "请假条"));
  sheet.append(table([
    [H("请假人"), p.name || "", H("身份"), lv.role],
    [H("派出单位"), { text: p.unit || "" }, H("天数"), `${lv.days} 天`],
    [H("起止日期"), `${cnDay(lv.start)}至${cnDay(lv.end)}`, H("适用制度"), (ruleSet() || {}).title || ""],
    [H("事由"), lv.reason || "", "", ""],
  ], "zd-form-table"));
  const readings = lv.result.readings.length ? lv.result.readings : [{ steps: [] }];
  readings.forEach((rd, i) => {
    if (readings.length > 1) sheet.append(el("p", "zd-reading-title", `审批栏（读法${"一二三四"[i] || i + 1}${rd.condition ? "，" + rd.condition : ""}）`));
    else sheet.append(el("p", "zd-reading-title", "审批栏"));
    const rows = [[H("环节"), H("审批人"), H("意见、签字、日期"), H("依据")]];
    for (const s of stepRows(rd)) rows.push([s.action, s.by, "", citeText(s.cite)]);
    if (!rd.steps.length) rows.push(["", "条文没有写由谁批准，需组织认定", "", ""]);
    sheet.append(table(rows, "zd-approval"));
  });
  sheet.append(el("p", "zd-sign", `申请人签字：　　　　　　　　　　日期：${cnDay(todayISO())}`));
  doPrint("leave", sheet);
}

async function printMonth() {
  const status = await sheetLines();
  const p = box.data.profile;
  const y = shown.getFullYear();
  const m = shown.getMonth();
  const sheet = el("div", "zd-sheet zd-sheet-month");
  sheet.append(el("h1", "", `驻村考勤表　${y}年${m + 1}月`));
  sheet.append(el("p", "", `姓名：${p.name || "　　　　"}　身份：${cfg.roles[p.role] || ""}　派出单位：${p.unit || ""}　适用制度：${(ruleSet() || {}).title || ""}`));
  const rows = [[H("日期"), H("星期"), H("记录"), H("日期"), H("星期"), H("记录")]];
  const n = new Date(y, m + 1, 0).getDate();
  const half = Math.ceil(n / 2);
  const cell = (d) => {
    if (d > n) return ["", "", ""];
    const day = iso(new Date(y, m, d));
    const mk = box.data.days[day];
    return [`${d}日`, WEEK[(new Date(y, m, d).getDay() + 6) % 7], mk ? labelOf(mk) : ""];
  };
  for (let d = 1; d <= half; d++) rows.push([...cell(d), ...cell(d + half)]);
  sheet.append(table(rows, "zd-month-table"));
  if (status && status.lines) {
    sheet.append(el("p", "zd-print-asof", status.asOf));
    const ul = el("ul", "zd-print-lines");
    for (const ln of status.lines) ul.append(el("li", "", `${ln.text}${ln.cite ? "（" + citeText(ln.cite) + "）" : ""}`));
    sheet.append(ul);
  }
  sheet.append(el("p", "zd-sign", "本人签字：　　　　　　　　乡镇（街道）审核：　　　　　　　　日期："));
  doPrint("month", sheet);
}
$(".zd-print-month").addEventListener("click", printMonth);

// ---------- export, backup, import ----------
function download(name, text, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
$(".zd-csv").addEventListener("click", () => download(`驻村台账-${todayISO()}.csv`, store.csvText(box.data, labelOf), "text/csv;charset=utf-8"));
$(".zd-xlsx").addEventListener("click", async () => {
  const res = await call("xlsx", { profile: box.data.profile, marks: store.marksOf(box.data) });
  if (res.errors.length) {
    showErrors(res.errors);
    return;
  }
  const bin = atob(res.xlsx);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  download(`驻村台账-${todayISO()}.xlsx`, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
});
$(".zd-backup").addEventListener("click", () => {
  const next = { ...box.data, unsaved: 0, backedUp: Date.now() };
  download(`驻村台账-备份-${todayISO()}.json`, store.backupText(next), "application/json");
  commit(next, false);
  drawBackupNote();
});
$(".zd-import").addEventListener("change", async (ev) => {
  const file = ev.target.files[0];
  ev.target.value = "";
  if (!file) return;
  const out = $(".zd-import-result");
  out.textContent = "";
  if (file.size > 5 * 1048576) {
    out.textContent = "文件太大，不是台账备份，没有导入。";
    return;
  }
  const res = store.mergeBackup(box.data, await file.text(), labelOf);
  if (res.refused) {
    out.textContent = res.refused;
    return;
  }
  if (!box.commit(res.data)) {
    out.textContent = "导入失败：浏览器存储空间不足，合并后的台账无法保存。现有记录未作任何改动。";
    return;
  }
  out.textContent = `已导入 ${res.added} 天的记录。` +
    (res.conflicts.length ? `有 ${res.conflicts.length} 天本机和备份记得不一样，保留了本机的记录：${res.conflicts.join("；")}。` : "") +
    (res.skipped ? `备份中有 ${res.skipped} 条记录格式不对，没有导入。` : "");
  await refresh();
});

function drawBackupNote() {
  const n = box.data.unsaved || 0;
  const p = $(".zd-backup-note");
  p.textContent = n ? `上次备份以后，台账改动了 ${n} 次。记录只存在这台手机的浏览器里，建议现在备份一份（换手机、清理浏览器时用得上）。` :
    box.data.backedUp ? `已备份（${cnDay(iso(new Date(box.data.backedUp)))}）。` : "";
  p.classList.toggle("zd-remind", n >= 5);
}

// ---------- start ----------
if (box.data.profile.rules) root.querySelector(".zd-profile").open = false;
for (const b of root.querySelectorAll(".zd-today-btn, .zd-today-night")) b.disabled = false;
root.dataset.wired = "1";
refresh();
