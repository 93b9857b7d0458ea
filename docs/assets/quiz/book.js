/* 错题本, 收藏, statistics and progress export/import. The page picks a view with data-view. */
(function (root) {
  "use strict";
  var C = root.QuizCard, S = root.QuizStore, el = C.el, BANK = C.BANK;
  var app = C.mount();
  if (!app) return;
  var view = app.getAttribute("data-view") || "book";

  function transfer() {
    var msg = el("p", { class: "qz-msg", id: "qz-transfer-msg", role: "status" });
    var file = el("input", { type: "file", accept: ".json,application/json", id: "qz-import-file", class: "qz-file" });
    file.onchange = function () {
      var f = file.files[0];
      if (!f) return;
      if (f.size > S.MAX_IMPORT) {
        msg.className = "qz-msg qz-bad";
        msg.textContent = "导入失败：文件太大（" + (f.size / 1048576).toFixed(1) + " MB，进度文件不会超过 2 MB），没有读取。现有进度未作任何改动。";
        file.value = "";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var report = S.importText(String(reader.result), function (id) { return !!C.meta[id]; });
          msg.className = "qz-msg " + (report.bad || report.unknown ? "qz-warnmsg" : "qz-ok");
          msg.textContent = S.importReport(report);
          draw();
        } catch (e) {
          msg.className = "qz-msg qz-bad";
          msg.textContent = e.userMessage || ("导入失败：" + e.message);
        }
        file.value = "";
      };
      reader.onerror = function () { msg.className = "qz-msg qz-bad"; msg.textContent = "导入失败：文件无法读取。"; };
      reader.readAsText(f, "utf-8");
    };
    var exp = el("button", { type: "button", class: "qz-btn", id: "qz-export", text: "导出进度", onclick: function () {
      var blob = new Blob([S.exportText()], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "驻村知识练习进度-" + new Date().toISOString().slice(0, 10) + ".json" });
      document.body.appendChild(a); a.click(); a.remove();
      msg.className = "qz-msg"; msg.textContent = "已导出。换手机或换浏览器时，用“导入进度”把这个文件导回来。";
    } });
    var imp = el("label", { class: "qz-btn", for: "qz-import-file", text: "导入进度" });
    return el("div", { class: "qz-card qz-transfer" }, [el("h3", { text: "进度备份" }), el("div", { class: "qz-row" }, [exp, imp, file]), msg,
      el("p", { class: "qz-note", text: "进度（含错题本、收藏、考试记录和智能复习）只保存在本浏览器里。导入时与现有进度逐条合并，不会删除或改小已有记录。" })]);
  }

  function itemRow(q, extra, remove) {
    return el("li", { class: "qz-item", "data-qid": q.id }, [
      el("div", { class: "qz-itemstem", text: q.stem }),
      el("div", { class: "qz-itemmeta" }, [C.docName(q.doc) + " · " + q.section + (extra ? " · " + extra : ""), q.status === "unverified" ? el("span", { class: "qz-badge qz-unverified", text: "待核实" }) : null]),
      el("div", { class: "qz-row" }, [
        q.link ? el("a", { href: q.link, text: "条文" }) : null,
        el("button", { type: "button", class: "qz-btn qz-small qz-remove", text: remove.label, onclick: remove.fn })])
    ]);
  }

  var body = el("div"), drawing = 0;
  /* the texts this view lists (错题本 and 收藏, or the ten most missed), then the view */
  function draw() {
    var ticket = ++drawing;
    var ids = view === "book" ? Object.keys(S.state.wrong).concat(Object.keys(S.state.fav)) : mostMissed();
    C.need(ids, function () {
      if (ticket !== drawing) return;
      body.innerHTML = "";
      if (view === "book") drawBook(); else drawStats();
    });
  }
  function mostMissed() {
    return Object.keys(S.state.answers).filter(function (id) { return C.meta[id] && S.state.answers[id].wrong > 0; })
      .sort(function (a, b) { return S.state.answers[b].wrong - S.state.answers[a].wrong; }).slice(0, 10);
  }
  function drawBook() {
    var wrong = Object.keys(S.state.wrong).filter(function (id) { return C.byId[id]; })
      .sort(function (a, b) { return S.state.wrong[b].misses - S.state.wrong[a].misses; });
    var favs = Object.keys(S.state.fav).filter(function (id) { return C.byId[id]; });
    body.appendChild(el("h2", { text: "错题本（" + wrong.length + "）" }));
    if (wrong.length) {
      body.appendChild(el("p", {}, [el("a", { class: "qz-btn qz-primary", href: "practice.html?book=wrong", text: "练习错题" }),
        el("span", { class: "qz-note", text: " 连续答对两次自动移出。" })]));
      body.appendChild(el("ul", { class: "qz-list", id: "qz-wrong-list" }, wrong.map(function (id) {
        return itemRow(C.byId[id], "错 " + S.state.wrong[id].misses + " 次", { label: "已掌握，移出", fn: function () { S.removeWrong(id); draw(); } });
      })));
    } else body.appendChild(el("p", { class: "qz-empty", id: "qz-wrong-empty", text: "错题本是空的。练习或考试中答错的题会自动收进来。" }));
    body.appendChild(el("h2", { text: "收藏（" + favs.length + "）" }));
    if (favs.length) {
      body.appendChild(el("p", {}, [el("a", { class: "qz-btn", href: "practice.html?book=fav", text: "练习收藏题" })]));
      body.appendChild(el("ul", { class: "qz-list" }, favs.map(function (id) {
        return itemRow(C.byId[id], "", { label: "取消收藏", fn: function () { S.toggleFav(id); draw(); } });
      })));
    } else body.appendChild(el("p", { class: "qz-empty", text: "还没有收藏。练习时点“☆ 收藏”。" }));
  }
  function tally(keyOf) {
    var out = {};
    Object.keys(S.state.answers).forEach(function (id) {
      var q = C.meta[id], a = S.state.answers[id];
      if (!q) return;
      var k = keyOf(q);
      out[k] = out[k] || { right: 0, wrong: 0, qs: 0 };
      out[k].right += a.right; out[k].wrong += a.wrong; out[k].qs++;
    });
    return out;
  }
  function table(title, rows, name) {
    var keys = Object.keys(rows).sort(function (a, b) { return (rows[a].right / (rows[a].right + rows[a].wrong)) - (rows[b].right / (rows[b].right + rows[b].wrong)); });
    if (!keys.length) return el("p", { class: "qz-empty", text: "还没有作答记录。" });
    return el("table", { class: "qz-table" }, [
      el("thead", {}, [el("tr", {}, [el("th", { text: title }), el("th", { text: "做过" }), el("th", { text: "正确率" })])]),
      el("tbody", {}, keys.map(function (k) {
        var r = rows[k], n = r.right + r.wrong;
        return el("tr", {}, [el("td", { text: name(k) }), el("td", { text: r.qs + " 题" }), el("td", { text: Math.round(100 * r.right / n) + "%" })]);
      }))]);
  }
  function drawStats() {
    body.appendChild(el("h2", { text: "按文件" }));
    body.appendChild(table("文件", tally(function (q) { return q.doc; }), C.docName));
    body.appendChild(el("h2", { text: "按专题" }));
    body.appendChild(table("专题", tally(function (q) { return q.topic || "其他"; }), function (k) { return k; }));
    body.appendChild(el("h2", { text: "最常错的题" }));
    var missed = mostMissed();
    body.appendChild(missed.length ? el("ol", { class: "qz-list" }, missed.map(function (id) {
      var q = C.byId[id];
      return el("li", {}, [q.stem, el("div", { class: "qz-itemmeta", text: C.docName(q.doc) + " · 错 " + S.state.answers[id].wrong + " 次 · 答案：" + C.answerText(q) })]);
    })) : el("p", { class: "qz-empty", text: "还没有答错的题。" }));
    body.appendChild(el("h2", { text: "模拟考试记录" }));
    var exams = S.state.exams.slice().reverse().slice(0, 20);
    body.appendChild(exams.length ? el("table", { class: "qz-table" }, [
      el("thead", {}, [el("tr", {}, [el("th", { text: "时间" }), el("th", { text: "得分" }), el("th", { text: "各题型" })])]),
      el("tbody", {}, exams.map(function (e) {
        return el("tr", {}, [el("td", { text: new Date(e.at).toLocaleString("zh-CN") }), el("td", { text: e.score + " / " + e.max + (e.unanswered ? "（未答 " + e.unanswered + " 题）" : "") }),
          el("td", { text: (e.sections || []).map(function (s) { return s.key + " " + s.got + "/" + s.max; }).join("，") })]);
      }))]) : el("p", { class: "qz-empty", text: "还没有考试记录。" }));
  }
  app.appendChild(body);
  app.appendChild(transfer());
  draw();
})(window);
