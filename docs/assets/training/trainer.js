/* 培训班 · 出卷: the trainer chooses the paper, gets the 试卷码 (large, as a QR code, printable). */
/* runs once the county paper's unverified items are loaded (docs/assets/quiz/loader.js; they are listed with their
   text); a paper is drawn over the bank index and only its questions' texts load (TrainingPaper.open) */
window.QuizCard.need(window.TrainingPaper.pendingIds(), function () { (function (root) {
  "use strict";
  var C = root.QuizCard, T = root.TrainingCode, P = root.TrainingPaper, el = C.el, BANK = C.BANK;
  var app = C.mount();
  if (!app) return;
  if (P.bankVersion === null) { app.textContent = "题库版本缺失，无法出卷。请更新离线副本或刷新网页。"; return; }

  var form = el("div", { class: "qz-card tr-form" });
  var out = el("div", { class: "qz-card tr-out", id: "tr-out", hidden: "hidden" });
  app.appendChild(form); app.appendChild(out);

  function radio(name, value, label, checked) {
    var input = el("input", { type: "radio", name: name, value: value, id: name + "-" + value });
    input.checked = !!checked;
    return el("label", { class: "qz-check", for: name + "-" + value }, [input, label]);
  }
  function box(id, label, checked, attrs) {
    var input = el("input", Object.assign({ type: "checkbox", id: id }, attrs || {}));
    input.checked = !!checked;
    return el("label", { class: "qz-check tr-box", for: id }, [input, label]);
  }
  function val(name) { var x = form.querySelector("input[name=" + name + "]:checked"); return x ? x.value : null; }

  var counts = P.countyCounts();
  var custom = el("fieldset", { class: "tr-custom", id: "tr-custom", hidden: "hidden" }, [
    el("legend", { text: "自选范围" }),
    el("p", { class: "tr-label", text: "文件" }),
    el("div", { class: "tr-boxes" }, P.docIds().map(function (id, i) { return box("tr-doc-" + i, C.docName(id), true, { "data-index": i }); })),
    el("p", { class: "tr-label", text: "专题" }),
    el("div", { class: "tr-boxes" }, (BANK.topics || []).map(function (t, i) { return box("tr-topic-" + i, t, true, { "data-index": i }); })),
    el("p", { class: "tr-label", text: "重要程度" }),
    el("div", { class: "tr-boxes" }, T.IMPORTANCE.map(function (t, i) { return box("tr-imp-" + i, t, i < 2, { "data-index": i }); })),
    el("p", { class: "tr-label", text: "每种题型的题数（0 到 " + T.MAX_COUNT + "）" }),
    el("div", { class: "qz-row" }, T.SECTIONS.map(function (s, k) {
      return el("label", { class: "qz-check", for: "tr-count-" + k }, [s + " ", el("input", { type: "number", id: "tr-count-" + k, min: "0", max: String(T.MAX_COUNT), value: String(counts[k]), class: "tr-num", inputmode: "numeric" })]);
    }))
  ]);
  var minutes = el("select", { id: "tr-minutes", "aria-label": "限时" }, T.MINUTES.map(function (m) { return el("option", { value: m, text: m + " 分钟" }); }));
  minutes.value = "20";
  var pend = P.pendingItems();
  var message = el("p", { class: "qz-warn", id: "tr-form-msg", role: "alert", hidden: "hidden" });

  form.appendChild(el("h2", { text: "出一份卷" }));
  form.appendChild(el("div", { class: "qz-row", role: "radiogroup", "aria-label": "题型" }, [
    radio("tr-format", "county", "县卷格式（填空" + counts[0] + "、单选" + counts[1] + "、多选" + counts[2] + "）", true),
    radio("tr-format", "custom", "自选文件、专题和题数")]));
  form.appendChild(custom);
  form.appendChild(el("p", { class: "qz-row" }, [el("label", { for: "tr-minutes", text: "限时：" }), minutes]));
  form.appendChild(el("div", { class: "qz-row", role: "radiogroup", "aria-label": "题目顺序" }, [
    radio("tr-order", "same", "所有人题目顺序相同", true), radio("tr-order", "shuffle", "每人顺序打乱（题目相同）")]));
  if (pend.length) {
    form.appendChild(el("details", { class: "tr-pending" }, [
      el("summary", { text: "县试卷中的“待核实”题（默认不出）" }),
      el("p", { class: "qz-note", text: "这些题的答案依据本站未收录的文件，没有经过条文核对。勾选的题一定出现在卷中，按参考答案计分。" }),
      el("div", {}, pend.map(function (p) {
        return box("tr-pend-" + p.index, p.q.section + "：" + p.q.stem.replace(/_{2,}/g, "____").slice(0, 40) + (p.q.stem.length > 40 ? "……" : ""), false, { "data-index": p.index });
      }))]));
  }
  form.appendChild(message);
  form.appendChild(el("p", { class: "qz-row" }, [
    el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-make", text: "生成试卷码", onclick: function () { make(null); } })]));
  form.appendChild(el("p", { class: "qz-note", text: "题库版本 " + T.versionLabel(P.bankVersion) + "。老师和学员要用同一版本的网站或离线副本，否则试卷码会被拒绝。" }));
  form.addEventListener("change", function (e) {
    if (e.target.name === "tr-format") custom.hidden = val("tr-format") !== "custom";
  });

  function ticked(prefix) {
    return Array.prototype.filter.call(form.querySelectorAll("input[id^=" + prefix + "]"), function (x) { return x.checked; })
      .map(function (x) { return parseInt(x.getAttribute("data-index"), 10); });
  }
  function spec(seed) {
    var s = { format: val("tr-format") === "custom" ? "custom" : "county", version: P.bankVersion, minutes: parseInt(minutes.value, 10),
      shuffle: val("tr-order") === "shuffle", pending: ticked("tr-pend-"), seed: seed };
    if (s.format === "custom") {
      var docs = ticked("tr-doc-"), topics = ticked("tr-topic-");
      s.docs = docs.length === P.docIds().length ? null : docs;
      s.topics = topics.length === (BANK.topics || []).length ? null : topics;
      s.importance = ticked("tr-imp-");
      s.counts = T.SECTIONS.map(function (x, k) { return document.getElementById("tr-count-" + k).value.trim(); });
    }
    return s;
  }
  function refuse(text) { message.textContent = text; message.hidden = false; out.hidden = true; }

  function make(seed) {
    message.hidden = true;
    var s = spec(seed == null ? Math.floor(Math.random() * 16384) : seed);
    if (s.format === "custom") {
      if (s.docs && !s.docs.length) return refuse("请至少勾选一个文件。");
      if (s.topics && !s.topics.length) return refuse("请至少勾选一个专题。");
      if (!s.importance.length) return refuse("请至少勾选一种重要程度。");
      for (var k = 0; k < 3; k++) {
        if (!/^\d{1,2}$/.test(s.counts[k]) || parseInt(s.counts[k], 10) > T.MAX_COUNT) return refuse("“" + T.SECTIONS[k] + "”的题数请填 0 到 " + T.MAX_COUNT + " 的整数。");
        s.counts[k] = parseInt(s.counts[k], 10);
      }
      if (!s.counts[0] && !s.counts[1] && !s.counts[2]) return refuse("三种题型的题数不能都是 0。");
    }
    var code = T.encodePaper(s), asked = ++making;
    P.open(s, function (paper) {
      if (asked !== making) return;   /* a later click wins */
      if (!paper.flat.length) return refuse("按这个范围题库里没有可出的题，请多勾选一些文件或专题。");
      show(code, paper);
      var d = P.store.data;
      d.current = code;
      if (!d.sessions[code]) d.sessions[code] = { created: Date.now(), results: {}, flagged: [] };
      P.store.save();
    });
  }
  var making = 0;

  function show(code, paper) {
    out.innerHTML = "";
    var short = paper.sections.filter(function (s) { return s.items.length < s.wanted; });
    out.appendChild(el("h2", { text: "试卷码" }));
    out.appendChild(el("p", { class: "tr-bigcode" + (code.length > 10 ? " tr-long" : ""), id: "tr-code", text: T.group(code) }));
    out.appendChild(el("div", { class: "tr-qrbox" }, [root.TrainingQR.drawFit(code, 320)]));
    out.appendChild(el("p", { id: "tr-desc", text: P.describe(paper) }));
    if (short.length) {
      out.appendChild(el("p", { class: "qz-warn", id: "tr-short", text: short.map(function (s) { return s.key + "只有 " + s.items.length + " 道可出（要求 " + s.wanted + " 道）"; }).join("；") + "。卷中按实有题数出题。" }));
    }
    out.appendChild(el("p", { class: "tr-howto", text: "学员：打开本站或离线副本的“培训班 · 答题”页，输入上面的试卷码，或点“扫码”对准这个二维码。" }));
    out.appendChild(el("p", { class: "qz-row tr-noprint" }, [
      el("button", { type: "button", class: "qz-btn", id: "tr-print", text: "打印", onclick: function () { root.print(); } }),
      el("button", { type: "button", class: "qz-btn", id: "tr-again", text: "换一套题", onclick: function () { make(null); } }),
      el("a", { class: "qz-btn qz-primary", href: "results.html", text: "去成绩汇总 →" })]));
    var list = el("ol", { class: "tr-keylist" });
    paper.flat.forEach(function (f) {
      list.appendChild(el("li", {}, [f.key + "：" + f.q.stem + " ", el("b", { text: "答案：" + C.answerText(f.q) })]));
    });
    out.appendChild(el("details", { class: "tr-key" }, [el("summary", { text: "本卷题目与答案（老师用）" }), list]));
    out.hidden = false;
    out.scrollIntoView();
  }
})(window); });
