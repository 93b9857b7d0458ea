/* One storage layer for everything this site keeps on the device (localStorage), in namespaces.

   ZhucunStorage.open(name, spec) -> handle. Each namespace is one key, "zhucun." + name, holding
   {"schema": "zhucun.<name>", "version": N, "saved": <ms>, "data": {...}}.
   spec: { version, label (Chinese, for notices), empty(), clean(data) -> {data, bad} or null,
           migrate: {<older version>: fn(data) -> data}, legacy: [{key, migrate(parsed) -> data}],
           exportText() (optional: offered in the "could not save" notice),
           exportLabel (optional: that button's words, naming what it exports; default 导出进度备份) }
   - Read: parsed, migrated and validated (spec.clean). Whatever cannot be read, wholly or in part, is set
     aside under "zhucun.<name>.unreadable.<ms>" before anything else is written, and a notice offers it
     for export. If it cannot even be set aside, the namespace becomes read-only: nothing overwrites it.
   - Write: every write is checked (exception and read-back); a failed one shows a notice at once.
   - Another tab's write (storage event) is read back in, so a later write here never undoes it.
   Documented in quiz_bank/README.md ("Saved on the device"). */
(function (root) {
  "use strict";
  var PREFIX = "zhucun.";
  var handles = {};
  var boxes = {};

  function ls() {
    try { return root.localStorage; } catch (e) { return null; }
  }
  function getRaw(key) {
    var s = ls();
    if (!s) return null;
    try { return s.getItem(key); } catch (e) { return null; }
  }
  /* true only when the value is there, read back, exactly */
  function setRaw(key, text) {
    var s = ls();
    if (!s) return false;
    try { s.setItem(key, text); return s.getItem(key) === text; } catch (e) { return false; }
  }
  function removeRaw(key) {
    var s = ls();
    try { if (s) s.removeItem(key); } catch (e) { /* nothing to do */ }
  }
  function keys() {
    var s = ls(), out = [];
    if (!s) return out;
    try { for (var i = 0; i < s.length; i++) out.push(s.key(i)); } catch (e) { /* none */ }
    return out;
  }
  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }

  /* ---------- notices (text only: every string goes through textContent) ---------- */
  /* live: a failed write, kept in sight (sticky) while the page scrolls */
  function noticeBox(live) {
    var k = live ? "live" : "still";
    if (boxes[k] && boxes[k].isConnected) return boxes[k];
    var box = boxes[k] = document.createElement("div");
    box.className = "zs-notices" + (live ? " zs-live" : "");
    box.setAttribute("role", "alert");
    var host = document.querySelector("article") || document.body;
    host.insertBefore(box, host.firstChild);
    return box;
  }
  function button(text, cls, fn) {
    var b = document.createElement("button");
    b.type = "button"; b.className = "zs-btn" + (cls ? " " + cls : ""); b.textContent = text;
    b.addEventListener("click", fn);
    return b;
  }
  /* id: one notice per id (a new one replaces it); kind: "bad" | "warn"; actions: [[label, fn], ...] */
  function notice(id, kind, text, actions) {
    var run = function () {
      var host = noticeBox(id.indexOf("write-") === 0);
      clearNotice(id);
      var n = document.createElement("div");
      n.className = "zs-notice zs-" + kind;
      n.setAttribute("data-notice", id);
      var p = document.createElement("p");
      p.textContent = text;
      n.appendChild(p);
      var row = document.createElement("div");
      row.className = "zs-actions";
      (actions || []).forEach(function (a) { row.appendChild(button(a[0], a[2] || "", a[1])); });
      row.appendChild(button("知道了", "zs-close", function () { n.remove(); }));
      n.appendChild(row);
      host.appendChild(n);
    };
    if (document.body) run(); else document.addEventListener("DOMContentLoaded", run);
  }
  function clearNotice(id) {
    var old = document.querySelector(".zs-notice[data-notice='" + id + "']");
    if (old) old.remove();
  }
  function download(name, text, type) {          /* text: a string, or bytes (Uint8Array) with their type */
    var blob = new Blob([text], { type: type || "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  /* ---------- one namespace ---------- */
  function open(name, spec) {
    if (handles[name]) return handles[name];
    var key = PREFIX + name, schema = PREFIX + name;
    var h = { name: name, key: key, data: null, readOnly: false, writeFailed: false, status: "new" };

    function envelope(data) {
      return JSON.stringify({ schema: schema, version: spec.version, saved: Date.now(), data: data });
    }
    function quarantine(raw, why) {
      var qkey = key + ".unreadable." + Date.now();
      var already = quarantined().some(function (k) { return getRaw(k) === raw; });
      if (already || setRaw(qkey, raw)) { showQuarantine(); return true; }
      /* cannot keep a copy aside: never overwrite the only copy */
      h.readOnly = true;
      notice("readonly-" + name, "bad",
        "本机保存的" + spec.label + "无法读取（" + why + "），而浏览器存储空间不足，无法另存一份。为保护原有数据，本页不会保存新的" +
        spec.label + "。请先导出原始数据，再决定是否删除它。", [
          ["导出原始数据", function () { download(fileName("原始数据"), getRaw(key) || raw); }],
          ["删除原始数据，重新开始", function () {
            if (!root.confirm("删除后无法恢复。确定已经导出，并删除这份无法读取的数据吗？")) return;
            removeRaw(key); h.readOnly = false; h.save(); clearNotice("readonly-" + name);
          }, "zs-danger"]]);
      return false;
    }
    function quarantined() {
      return keys().filter(function (k) { return k.indexOf(key + ".unreadable.") === 0; }).sort();
    }
    function showQuarantine() {
      var list = quarantined();
      if (!list.length) { clearNotice("quarantine-" + name); return; }
      notice("quarantine-" + name, "warn",
        "本机保存的" + spec.label + "有 " + list.length + " 份无法完整读取（可能是浏览器异常、网站更新或导入了损坏的文件）。" +
        "能读取的部分照常使用；无法读取的原始数据已另外保存，没有删除。可以导出它交给培训老师查看。", [
          ["导出原始数据", function () {
            download(fileName("无法读取的原始数据"), "[" + list.map(function (k) { return getRaw(k) ? JSON.stringify(getRaw(k)) : "null"; }).join(",\n") + "]");
          }],
          ["删除这些原始数据", function () {
            if (!root.confirm("删除后无法恢复。确定已经导出，并删除这些无法读取的原始数据吗？")) return;
            list.forEach(removeRaw); clearNotice("quarantine-" + name);
          }, "zs-danger"]]);
    }
    function fileName(what) { return "驻村知识-" + spec.label + "-" + what + "-" + day(Date.now()) + ".json"; }

    /* parse, migrate, validate; returns the data to use (sets aside what cannot be read) */
    function read() {
      var raw = getRaw(key), source = null, candidate = null, why = "";
      if (raw == null) {
        (spec.legacy || []).some(function (l) {
          var r = getRaw(l.key);
          if (r == null) return false;
          raw = r; source = l; return true;
        });
      }
      if (raw == null) { h.status = "new"; return spec.empty(); }
      var parsed;
      try { parsed = JSON.parse(raw); } catch (e) { parsed = undefined; why = "内容不是有效的数据"; }
      if (parsed !== undefined) {
        if (source) {
          try { candidate = source.migrate(parsed); } catch (e) { candidate = null; }
          if (!candidate) why = "旧版格式无法识别";
        } else if (!parsed || parsed.schema !== schema || typeof parsed.version !== "number") {
          why = "格式标记不对";
        } else if (parsed.version > spec.version) {
          why = "由更新版本的网站保存";
        } else {
          candidate = parsed.data;
          for (var v = parsed.version; v < spec.version && candidate; v++) {
            try { candidate = spec.migrate && spec.migrate[v] ? spec.migrate[v](candidate) : null; } catch (e) { candidate = null; }
          }
          if (!candidate) why = "旧版格式无法识别";
        }
      }
      var cleaned = candidate ? spec.clean(candidate) : null;
      if (!cleaned) {
        h.status = "unreadable";
        if (!quarantine(raw, why || "格式不对")) return spec.empty();
        if (source) removeRaw(source.key);
        h.data = spec.empty();
        h.save();
        return h.data;
      }
      if (cleaned.bad) {
        h.status = "partly";
        if (!quarantine(raw, cleaned.bad + " 条记录格式不对")) return cleaned.data;
      } else h.status = source || parsed.version < spec.version ? "migrated" : "ok";
      if (source || cleaned.bad || parsed.version < spec.version) {
        /* write the current format now; the old key goes only once the new one is safely written */
        h.data = cleaned.data;
        if (h.save() && source) removeRaw(source.key);
      }
      return cleaned.data;
    }

    h.save = function () {
      if (h.readOnly) return false;
      if (!ls()) {
        notice("write-" + name, "bad", "浏览器不允许本站在本机保存数据（可能开启了无痕模式或禁止了网站数据），" + spec.label + "不会保存。");
        return false;
      }
      var ok = setRaw(key, envelope(h.data));
      if (ok) {
        if (h.writeFailed) clearNotice("write-" + name);
        h.writeFailed = false;
        return true;
      }
      h.writeFailed = true;
      notice("write-" + name, "bad",
        "刚才的" + spec.label + "没有保存：浏览器存储空间已满或不可用。本页仍可继续使用，但关闭或刷新后这些改动会丢失。" +
        "请先导出备份，或在浏览器设置中清理其他网站的数据后再试；下一次保存成功时此提示会消失。",
        spec.exportText ? [[spec.exportLabel || "导出进度备份", function () { download(fileName("备份"), spec.exportText()); }]] : []);
      return false;
    };
    /* Replace the data only if the new data can be written; otherwise nothing changes. */
    h.commit = function (next) {
      if (h.readOnly) return false;
      var prev = h.data;
      h.data = next;
      if (setRaw(key, envelope(next))) {
        if (h.writeFailed) clearNotice("write-" + name);
        h.writeFailed = false;
        return true;
      }
      h.data = prev;
      return false;
    };
    h.reload = function () { h.data = read(); return h.data; };
    h.size = function () { return (getRaw(key) || "").length; };

    handles[name] = h;
    h.data = read();
    if (h.status !== "unreadable" && h.status !== "partly") showQuarantine();
    root.addEventListener("storage", function (e) {
      if (e.key !== key || e.newValue == null || h.readOnly) return;
      h.data = read();
      if (spec.onChange) spec.onChange(h.data);
    });
    return h;
  }

  root.ZhucunStorage = { open: open, notice: notice, clearNotice: clearNotice, download: download, PREFIX: PREFIX };
})(window);
