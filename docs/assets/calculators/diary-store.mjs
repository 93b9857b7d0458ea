// 我的驻村台账: what the diary keeps on the device (one namespace of storage.js, "zhucun.diary"),
// its versions, and the pieces that move records in and out (backup merge, CSV). No rule is
// decided here: every count and every check is calculators/diary.py's (in Pyodide).
//
// Version 2 (current): {profile: {rules, role, start, name, unit},
//   days: {"YYYY-MM-DD": {mark, kind?, status?, approver?, request?}},
//   requests: [{id, start, end, reason, status, created}], unsaved: n, backedUp: ms}
// Version 1 (first draft): {profile, days: {"YYYY-MM-DD": "在村" | "在村住宿" | "请假" | "公出" | "无故离岗" | "值班"}}

export const VERSION = 2;
export const MARK_CODES = ["in_village", "night", "leave", "official", "absent", "duty"];
const V1_MARKS = { 在村: "in_village", 在村住宿: "night", 请假: "leave", 公出: "official", 无故离岗: "absent", 值班: "duty" };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_FIELDS = ["rules", "role", "start", "name", "unit"];

export function empty() {
  return { profile: {}, days: {}, requests: [], unsaved: 0, backedUp: 0 };
}

function str(v, max = 100) {
  return typeof v === "string" ? v.slice(0, max) : undefined;
}

function cleanMark(m) {
  if (!m || typeof m !== "object" || !MARK_CODES.includes(m.mark)) return null;
  const out = { mark: m.mark };
  for (const k of ["kind", "status", "approver", "request"]) if (typeof m[k] === "string") out[k] = m[k].slice(0, 100);
  return out;
}

/** {data, bad}: what can be read; bad counts the records that could not (storage.js sets the raw copy aside). */
export function clean(data) {
  if (!data || typeof data !== "object") return null;
  const out = empty();
  let bad = 0;
  const p = data.profile && typeof data.profile === "object" ? data.profile : {};
  for (const k of TEXT_FIELDS) if (str(p[k]) !== undefined) out.profile[k] = str(p[k]);
  const days = data.days && typeof data.days === "object" ? data.days : {};
  for (const [day, m] of Object.entries(days)) {
    const c = DAY.test(day) ? cleanMark(m) : null;
    if (c) out.days[day] = c;
    else bad++;
  }
  for (const r of Array.isArray(data.requests) ? data.requests : []) {
    if (r && typeof r.id === "string" && DAY.test(r.start) && DAY.test(r.end))
      out.requests.push({ id: r.id.slice(0, 40), start: r.start, end: r.end, reason: str(r.reason) || "",
        status: r.status === "approved" ? "approved" : "pending", created: Number(r.created) || 0 });
    else bad++;
  }
  out.unsaved = Number(data.unsaved) || 0;
  out.backedUp = Number(data.backedUp) || 0;
  return { data: out, bad };
}

/** Version 1 → 2: labels become codes; a 请假 without a status is kept as 待批 (to be confirmed), a 公出
 *  without a category is kept and the status list asks for it. Nothing is dropped. */
export function migrate1(v1) {
  if (!v1 || typeof v1 !== "object") return null;
  const days = {};
  for (const [day, label] of Object.entries(v1.days || {})) {
    const mark = V1_MARKS[label];
    if (!mark) return null; // unknown: the whole value is set aside by storage.js, not half-read
    days[day] = mark === "leave" ? { mark, status: "pending" } : { mark };
  }
  return { profile: v1.profile || {}, days, requests: [], unsaved: Object.keys(days).length, backedUp: 0 };
}

export function marksOf(data) {
  return Object.entries(data.days).sort().map(([date, m]) => ({ date, ...m }));
}

const sameMark = (a, b) => ["mark", "kind", "status"].every((k) => (a[k] || "") === (b[k] || ""));

/** Merge a backup into the data: a day only one side has is added; the same day recorded differently
 *  keeps this device's record and is reported. Returns {data, added, conflicts, refused}. */
export function mergeBackup(data, text, labelOf) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { refused: "这个文件不是台账备份（内容读不懂），没有导入任何记录。" };
  }
  if (!parsed || parsed.schema !== "zhucun.diary" || typeof parsed.version !== "number")
    return { refused: "这个文件不是台账备份，没有导入任何记录。" };
  if (parsed.version > VERSION) return { refused: "这个备份由更新版本的网站保存，请先更新本站再导入。" };
  let body = parsed.data;
  if (parsed.version === 1) body = migrate1(body);
  const c = body && clean(body);
  if (!c) return { refused: "备份文件格式不对，没有导入任何记录。" };
  const theirs = c.data;
  const mine = data.profile;
  if (mine.name && theirs.profile.name && mine.name !== theirs.profile.name)
    return { refused: `备份里的姓名是“${theirs.profile.name}”，本机是“${mine.name}”，可能是别人的台账，没有导入。` };
  const next = { ...data, profile: { ...data.profile }, days: { ...data.days }, requests: [...data.requests] };
  for (const k of TEXT_FIELDS) if (!next.profile[k] && theirs.profile[k]) next.profile[k] = theirs.profile[k];
  let added = 0;
  const conflicts = [];
  for (const [day, m] of Object.entries(theirs.days)) {
    const have = next.days[day];
    if (!have) {
      next.days[day] = m;
      added++;
    } else if (!sameMark(have, m)) conflicts.push(`${day}：本机记为“${labelOf(have)}”，备份记为“${labelOf(m)}”，保留本机的记录`);
  }
  const ids = new Set(next.requests.map((r) => r.id));
  for (const r of theirs.requests) if (!ids.has(r.id)) next.requests.push(r);
  next.unsaved = (data.unsaved || 0) + added;
  return { data: next, added, conflicts, skipped: c.bad };
}

export function backupText(data) {
  return JSON.stringify({ schema: "zhucun.diary", version: VERSION, saved: Date.now(), data }, null, 1);
}

function csvCell(v) {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // a spreadsheet must not run it as a formula
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(data, labelOf) {
  const rows = [["日期", "记录", "审批人"]];
  for (const m of marksOf(data)) rows.push([m.date, labelOf(m), m.approver || ""]);
  return "\ufeff" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
