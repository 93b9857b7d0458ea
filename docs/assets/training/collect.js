/* 培训班 · 成绩汇总: collect 成绩码 (camera scan, pasted text, imported files), flag duplicates and other papers'
   codes instead of merging them, and show the class: score distribution, each question's error rate worst first
   with its clause, per topic, per trainee; CSV and Excel export; print; the record is saved and exportable. */
/* the paper is drawn over the bank index; only its questions' texts load (TrainingPaper.open, docs/assets/quiz/loader.js) */
(function (root) {
  "use strict";
  var C = root.QuizCard, T = root.TrainingCode, P = root.TrainingPaper, el = C.el;
  var app = C.mount();
  if (!app) return;
  var store = P.store, session = null, paper = null, code = "", cam = null;

  var head = el("div", { class: "qz-card tr-input" });
  var inputs = el("div", { class: "qz-card tr-input", hidden: "hidden" });
  var log = el("div", { class: "tr-log", id: "tr-log", role: "log", "aria-live": "polite" });
  var flagged = el("div", { id: "tr-flagged" });
  var view = el("div", { id: "tr-class" });
  [head, inputs, flagged, view].forEach(function (x) { app.appendChild(x); });

  /* ---- which paper ---- */
  var codeInput = el("input", { type: "text", id: "tr-session-code", class: "tr-codeinput", autocomplete: "off", spellcheck: "false" });
  var codeMsg = el("p", { class: "qz-warn", id: "tr-session-msg", role: "alert", hidden: "hidden" });
  var desc = el("p", { id: "tr-desc", class: "qz-note" });
  codeInput.value = store.data.current ? T.group(store.data.current) : "";
  head.appendChild(el("label", { class: "tr-field", for: "tr-session-code" }, ["本场试卷码", codeInput]));
  head.appendChild(codeMsg);
  head.appendChild(el("p", {}, [el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-session-set", text: "汇总这份试卷", onclick: function () { choose(true); } })]));
  head.appendChild(desc);

  function choose(byUser) {
    codeMsg.hidden = true;
    var r = T.decodePaper(codeInput.value, P.bankVersion);
    if (!r.ok) {
      if (byUser || codeInput.value) { codeMsg.textContent = r.message; codeMsg.hidden = false; }
      inputs.hidden = true; view.innerHTML = ""; flagged.innerHTML = "";
      choosing++;   /* a paper still loading is not shown */
      return;
    }
    var asked = ++choosing;
    P.open(r.spec, function (p) {
      if (asked === choosing) use(r.code, p);   /* a later choice wins */
    });
  }
  var choosing = 0;
  function use(c, p) {
    code = c; paper = p;
    var d = store.data;
    if (!d.sessions[code]) d.sessions[code] = { created: Date.now(), results: {}, flagged: [] };
    d.current = code;
    store.save();
    session = d.sessions[code];
    codeInput.value = T.group(code);
    desc.textContent = P.describe(paper);
    inputs.hidden = false;
    render();
  }

  /* ---- adding codes ---- */
  function say(text, ok) { log.insertBefore(el("p", { class: ok ? "tr-ok" : "qz-warn", text: text }), log.firstChild); }

  /* one code -> "added" | "same" | "flagged" | "refused"; nothing is merged silently */
  function add(text, quiet) {
    var r = T.decodeResult(text, null);
    if (!r.ok) { say(r.message, false); return "refused"; }
    if (r.paperCode !== code) {
      var other = T.decodePaper(r.paperCode, P.bankVersion);
      say("“" + r.name + "”的成绩码属于另一份试卷（" + T.group(r.paperCode) + "），不是本场的 " + T.group(code) + "，没有计入。" +
        (other.ok ? "" : other.message), false);
      return "refused";
    }
    r = T.decodeResult(text, paper.kinds);
    if (!r.ok) { say(r.message, false); return "refused"; }
    var have = session.results[r.name];
    if (have && have.text === r.text) { if (!quiet) say("“" + r.name + "”的成绩码已经收过，这次是重复的，没有重复计入。", false); return "same"; }
    if (have || session.flagged.some(function (f) { return f.text === r.text; })) {
      if (!session.flagged.some(function (f) { return f.text === r.text; })) {
        session.flagged.push({ text: r.text, name: r.name, at: Date.now(), why: "已有一份“" + r.name + "”的成绩码，作答不同" });
        store.save();
      }
      say("“" + r.name + "”已有一份作答不同的成绩码：两份都留着，请在下面“待处理”中决定用哪一份。", false);
      return "flagged";
    }
    session.results[r.name] = { text: r.text, name: r.name, at: Date.now() };
    if (!store.save()) { delete session.results[r.name]; say("没有保存成功，未计入。", false); return "refused"; }
    var g = P.grade(paper, r.answers);
    say("已计入：" + r.name + "，" + g.score + " / " + g.max + " 分。", true);
    return "added";
  }
  function addMany(text, quiet) {
    var found = T.findResults(text);
    if (!found.length) {
      var lone = String(text || "").trim();
      if (lone) add(lone, quiet); else say("没有找到成绩码。", false);
    } else found.forEach(function (t) { add(t, quiet); });
    render();
  }
  root.TrainingCollect = { add: function (t) { var r = add(t); render(); return r; }, addMany: addMany };

  var paste = el("textarea", { id: "tr-paste", rows: "3", class: "tr-resultcode", placeholder: "把学员发来的成绩码粘贴在这里，可以一次粘贴多份（每份一行）" });
  var file = el("input", { type: "file", id: "tr-file", multiple: "multiple", accept: ".txt,.csv,.json,image/*" });
  var video = el("video", { class: "tr-video", id: "tr-video", hidden: "hidden" });
  var scanBtn = el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-scan", text: "用摄像头扫成绩码" });
  var stopBtn = el("button", { type: "button", class: "qz-btn", id: "tr-scan-stop", text: "停止扫码", hidden: "hidden" });
  function stopCam() { if (cam) cam.stop(); cam = null; video.hidden = true; stopBtn.hidden = true; scanBtn.hidden = false; }
  scanBtn.addEventListener("click", function () {
    video.hidden = false; stopBtn.hidden = false; scanBtn.hidden = true;
    cam = root.TrainingQR.camera(video, function (text) {
      root.__trScanAt = performance.now();
      addMany(text, false);
    }, function (why) { say(why, false); stopCam(); });
  });
  stopBtn.addEventListener("click", stopCam);
  file.addEventListener("change", function () {
    var files = Array.prototype.slice.call(file.files || []);
    file.value = "";
    files.reduce(function (chain, f) {
      return chain.then(function () {
        if (/^image\//.test(f.type)) {
          return root.TrainingQR.decodeFile(f).then(function (t) {
            if (t) addMany(t, false); else say("图片“" + f.name + "”里没有认出二维码。请拍得更近、更正一些再试。", false);
          });
        }
        if (f.size > 5 * 1024 * 1024) { say("文件“" + f.name + "”太大，不是成绩码文件。", false); return null; }
        return f.text().then(function (t) { importText(t, f.name); });
      });
    }, Promise.resolve()).then(render);
  });
  function importText(t, name) {
    var parsed = null;
    try { parsed = JSON.parse(t); } catch (e) { parsed = null; }
    if (parsed && parsed.format === "zhucun-training" && parsed.data && parsed.data.sessions) {
      var s = parsed.data.sessions[code];
      if (!s) { say("文件“" + name + "”里没有本场试卷的记录。", false); return; }
      var texts = [];
      Object.keys(s.results || {}).forEach(function (n) { if (s.results[n] && s.results[n].text) texts.push(s.results[n].text); });
      (s.flagged || []).forEach(function (f) { if (f && f.text) texts.push(f.text); });
      texts.forEach(function (x) { add(String(x), true); });
      say("已从“" + name + "”导入 " + texts.length + " 份成绩码（重复的已略过）。", true);
      return;
    }
    var found = T.findResults(t);
    if (!found.length) { say("文件“" + name + "”里没有找到成绩码。", false); return; }
    found.forEach(function (x) { add(x, false); });
  }

  inputs.appendChild(el("h2", { text: "收成绩码" }));
  inputs.appendChild(el("p", { class: "qz-row" }, [scanBtn, stopBtn]));
  inputs.appendChild(video);
  inputs.appendChild(el("label", { class: "tr-field", for: "tr-paste" }, ["粘贴成绩码", paste]));
  inputs.appendChild(el("p", { class: "qz-row" }, [
    el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-add", text: "加入", onclick: function () { addMany(paste.value, false); paste.value = ""; } })]));
  file.className = "tr-fileinput";
  inputs.appendChild(el("p", { class: "tr-field" }, [el("span", { text: "导入文件（成绩码文字、二维码截图或本页导出的记录）" }), el("br"),
    file, el("label", { class: "qz-btn", for: "tr-file", text: "选择文件……" })]));
  inputs.appendChild(log);

  /* ---- class view ---- */
  function pct(a, b) { return b ? Math.round(a * 100 / b) : 0; }
  function table(id, heads, rows) {
    return el("div", { class: "tr-scroll" }, [el("table", { class: "tr-table", id: id }, [
      el("thead", {}, [el("tr", {}, heads.map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", {}, rows)])]);
  }
  function graded() {
    return Object.keys(session.results).sort().map(function (n) {
      var e = session.results[n], r = T.decodeResult(e.text, paper.kinds);
      return r.ok ? { name: n, at: e.at, g: P.grade(paper, r.answers), text: e.text } : null;
    }).filter(Boolean);
  }
  function render() {
    flagged.innerHTML = ""; view.innerHTML = "";
    if (!session) return;
    session.flagged.forEach(function (f, i) {
      var r = T.decodeResult(f.text, paper.kinds), g = r.ok ? P.grade(paper, r.answers) : null;
      flagged.appendChild(el("div", { class: "tr-flag", "data-name": f.name }, [
        el("p", { text: "待处理：" + f.why + (g ? "（这一份 " + g.score + " 分）" : "") + "。" }),
        el("button", { type: "button", class: "qz-btn qz-small", text: "用这一份替换", onclick: function () {
          session.results[f.name] = { text: f.text, name: f.name, at: Date.now() }; session.flagged.splice(i, 1); store.save(); render(); } }),
        " ",
        el("button", { type: "button", class: "qz-btn qz-small", text: "两人同名：作为另一人加入", onclick: function () {
          var n = 2;
          while (session.results[f.name + "（" + n + "）"]) n++;
          var key = f.name + "（" + n + "）";
          session.results[key] = { text: f.text, name: key, at: Date.now() }; session.flagged.splice(i, 1); store.save(); render(); } }),
        " ",
        el("button", { type: "button", class: "qz-btn qz-small", text: "丢弃这一份", onclick: function () { session.flagged.splice(i, 1); store.save(); render(); } })]));
    });
    var rows = graded(), n = rows.length;
    view.appendChild(el("h2", { text: "全班情况" }));
    if (!n) { view.appendChild(el("p", { class: "qz-note", id: "tr-empty", text: "还没有收到成绩码。" })); return; }
    var scores = rows.map(function (r) { return r.g.score; });
    var avg = scores.reduce(function (a, b) { return a + b; }, 0) / n;
    view.appendChild(el("p", { id: "tr-summary", text: "已收 " + n + " 人，平均 " + (Math.round(avg * 10) / 10) + " 分，最高 " + Math.max.apply(null, scores) +
      " 分，最低 " + Math.min.apply(null, scores) + " 分（满分 " + paper.max + "）。" }));
    /* distribution in fifths of full marks */
    var bins = [0, 0, 0, 0, 0];
    scores.forEach(function (s) { bins[Math.min(4, Math.floor(s * 5 / (paper.max || 1)))]++; });
    var edges = [0, 1, 2, 3, 4, 5].map(function (i) { return Math.round(paper.max * i / 5); });
    view.appendChild(el("h3", { text: "分数分布" }));
    view.appendChild(table("tr-dist", ["分数段", "人数", ""], bins.map(function (b, i) {
      return el("tr", {}, [el("td", { text: edges[i] + "–" + (i === 4 ? edges[5] : edges[i + 1] - 1) }), el("td", { text: String(b) }),
        el("td", { class: "tr-dist" }, [el("span", { class: "tr-barcell", style: "width:" + pct(b, n) + "%" })])]);
    })));
    /* per question, worst first */
    var qs = paper.flat.map(function (f, k) {
      var wrong = 0, blank = 0;
      rows.forEach(function (r) { if (r.g.per[k].blank) blank++; else if (!r.g.per[k].ok) wrong++; });
      return { f: f, k: k, wrong: wrong, blank: blank, rate: pct(wrong + blank, n) };
    }).sort(function (a, b) { return b.rate - a.rate || a.k - b.k; });
    view.appendChild(el("h3", { text: "逐题错误率（最该重讲的在前）" }));
    view.appendChild(el("p", { class: "qz-note", text: "错误率 = (答错 + 未答) ÷ 已收人数。点条文链接可直接看原文。" }));
    view.appendChild(table("tr-errors", ["题", "错误率", "答错", "未答", "条文"], qs.map(function (x) {
      var q = x.f.q;
      return el("tr", { "data-k": String(x.k), "data-qid": q.id }, [
        el("td", { text: x.f.key + "第" + x.f.n + "题：" + q.stem.slice(0, 36) + (q.stem.length > 36 ? "……" : "") }),
        el("td", { class: "tr-rate" }, [String(x.rate) + "% ", el("span", { class: "tr-barcell", style: "width:" + Math.round(x.rate / 2) + "px" })]),
        el("td", { text: "答错 " + x.wrong }), el("td", { text: "未答 " + x.blank }),
        el("td", {}, [q.link ? el("a", { href: q.link, text: "重讲：" + q.cite_label }) : el("span", { class: "qz-note", text: q.status === "unverified" ? "待核实题，无本站条文" : "—" })])]);
    })));
    /* per topic */
    var topics = {};
    qs.forEach(function (x) {
      var t = x.f.q.topic || "其他", o = topics[t] || (topics[t] = { q: 0, right: 0, all: 0 });
      o.q++; o.all += n; o.right += n - x.wrong - x.blank;
    });
    view.appendChild(el("h3", { text: "各专题" }));
    view.appendChild(table("tr-topics", ["专题", "题数", "正确率"], Object.keys(topics).sort(function (a, b) {
      return topics[a].right / topics[a].all - topics[b].right / topics[b].all; }).map(function (t) {
      return el("tr", {}, [el("td", { text: t }), el("td", { text: String(topics[t].q) }), el("td", { text: pct(topics[t].right, topics[t].all) + "%" })]);
    })));
    /* per trainee */
    view.appendChild(el("h3", { text: "每位学员" }));
    view.appendChild(table("tr-trainees", ["姓名", "得分", "答对", "答错", "未答", ""], rows.map(function (r) {
      return el("tr", { "data-name": r.name }, [el("td", { text: r.name }), el("td", { class: "tr-score", text: r.g.score + " / " + r.g.max }),
        el("td", { text: String(r.g.right) }), el("td", { text: String(r.g.wrong) }), el("td", { text: String(r.g.blank) }),
        el("td", { class: "tr-noprint" }, [el("button", { type: "button", class: "qz-btn qz-small", text: "删除", onclick: function () {
          if (!root.confirm("删除“" + r.name + "”的成绩？")) return;
          delete session.results[r.name]; store.save(); render(); } })])]);
    })));
    view.appendChild(el("p", { class: "qz-row tr-noprint" }, [
      el("button", { type: "button", class: "qz-btn", id: "tr-csv", text: "导出 CSV", onclick: function () { root.ZhucunStorage.download("培训班成绩-" + code + ".csv", csv(rows, qs)); } }),
      el("button", { type: "button", class: "qz-btn", id: "tr-xlsx", text: "导出 Excel 表格", onclick: function () { excel(rows, qs); } }),
      el("button", { type: "button", class: "qz-btn", id: "tr-print", text: "打印", onclick: function () { root.print(); } }),
      el("button", { type: "button", class: "qz-btn", id: "tr-export", text: "导出记录", onclick: function () {
        root.ZhucunStorage.download("培训班记录-" + code + ".json", JSON.stringify({ format: "zhucun-training", version: 1, data: { sessions: (function () { var o = {}; o[code] = session; return o; })() } }, null, 1)); } })]));
  }
  /* the exported tables, shared by the CSV and the Excel file: per trainee, then per question */
  function tables(rows, qs) {
    var byK = paper.flat.map(function (f) { return f.key + f.n; });
    var trainees = [["姓名", "得分", "满分", "答对", "答错", "未答"].concat(byK)];
    rows.forEach(function (r) {
      trainees.push([r.name, r.g.score, r.g.max, r.g.right, r.g.wrong, r.g.blank].concat(r.g.per.map(function (p) { return p.blank ? "未答" : p.ok ? "对" : "错"; })));
    });
    var errors = [["题", "错误率%", "答错", "未答", "条文"]];
    qs.forEach(function (x) { errors.push([x.f.key + x.f.n, x.rate, x.wrong, x.blank, x.f.q.cite_label || ""]); });
    return [{ name: "学员成绩", rows: trainees }, { name: "逐题错误率", rows: errors }];
  }
  function cell(v) {
    var s = String(v);
    if (/^[=+\-@]/.test(s)) s = "'" + s;          /* a name is not a spreadsheet formula */
    return /[",\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }
  function csv(rows, qs) {
    var lines = [];
    tables(rows, qs).forEach(function (t, i) { lines = lines.concat(i ? [[]] : [], t.rows); });
    return "\ufeff" + lines.map(function (l) { return l.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  /* ---- Excel (.xlsx): the minimal OOXML parts, zipped with the vendored fflate. Every text is an inline
     string, so nothing in a name is ever read as a formula; numbers stay numbers. ---- */
  function xml(v) {
    return String(v).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function col(i) { var s = ""; for (i++; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + (i - 1) % 26) + s; return s; }
  function sheet(rows) {
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      rows.map(function (r, y) {
        return '<row r="' + (y + 1) + '">' + r.map(function (v, x) {
          var ref = col(x) + (y + 1);
          return typeof v === "number" && isFinite(v) ? '<c r="' + ref + '"><v>' + v + "</v></c>"
            : '<c r="' + ref + '" t="inlineStr"><is><t xml:space="preserve">' + xml(v) + "</t></is></c>";
        }).join("") + "</row>";
      }).join("") + "</sheetData></worksheet>";
  }
  function xlsx(rows, qs) {
    var F = root.fflate, u = F.strToU8, ts = tables(rows, qs), files = {};
    var R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships", X = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    files["[Content_Types].xml"] = u(X + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      ts.map(function (t, i) { return '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'; }).join("") +
      "</Types>");
    files["_rels/.rels"] = u(X + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="' + R + '/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    files["xl/workbook.xml"] = u(X + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="' + R + '"><sheets>' +
      ts.map(function (t, i) { return '<sheet name="' + xml(t.name) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>'; }).join("") + "</sheets></workbook>");
    files["xl/_rels/workbook.xml.rels"] = u(X + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      ts.map(function (t, i) { return '<Relationship Id="rId' + (i + 1) + '" Type="' + R + '/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>'; }).join("") +
      "</Relationships>");
    ts.forEach(function (t, i) { files["xl/worksheets/sheet" + (i + 1) + ".xml"] = u(sheet(t.rows)); });
    return F.zipSync(files, { level: 6 });
  }
  function excel(rows, qs) {
    root.TrainingQR.vendor("vendor/fflate/fflate.js", "fflate").then(function (ok) {
      if (!ok) { say("没能打开生成 Excel 表格的部件，请刷新页面后再试，或先导出 CSV。", false); return; }
      root.ZhucunStorage.download("培训班成绩-" + code + ".xlsx", xlsx(rows, qs), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    });
  }

  choose(false);
})(window);
