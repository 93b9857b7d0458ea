/* 模拟考试 in the county-test format: sections and points, timer, 答题卡 with jump and flag, 交卷,
   score per section, review with explanations and clause links. */
(function (root) {
  "use strict";
  var C = root.QuizCard, S = root.QuizStore, el = C.el, BANK = C.BANK;
  var app = C.mount();
  if (!app) return;

  function setup() {
    app.innerHTML = "";
    var secs = (BANK.paper && BANK.paper.sections) || [];
    var total = secs.reduce(function (s, x) { return s + x.count * x.points_each; }, 0);
    var minutes = el("select", { id: "qz-minutes", "aria-label": "考试时长" },
      [10, 20, 30, 45, 60].map(function (m) { return el("option", { value: m, text: m + " 分钟" }); }));
    minutes.value = C.param("minutes") || "30";
    var trainer = el("input", { type: "checkbox", id: "qz-unverified" });
    app.appendChild(el("div", { class: "qz-card" }, [
      el("h2", { text: "全县扶贫驻村干部知识模拟考试" }),
      el("ul", {}, secs.map(function (s) { return el("li", { text: s.heading.replace(/\(.*\)/, "") + "：" + s.count + " 题，每题 " + s.points_each + " 分" }); })),
      el("p", { text: "满分 " + total + " 分。多选题少选、错选均不得分。题目从题库随机抽取，只用有条文依据的题。" }),
      el("p", {}, [el("label", { for: "qz-minutes", text: "时长：" }), minutes]),
      el("p", {}, [el("label", { class: "qz-check", for: "qz-unverified" }, [trainer, "培训老师：纳入“待核实”题目"])]),
      el("p", { class: "qz-note", text: "“待核实”题的答案来自本库未收录的文件，默认不计入考试。" }),
      el("button", { type: "button", class: "qz-btn qz-primary", id: "qz-start", text: "开始考试", onclick: function () {
        var seed = parseInt(C.param("seed"), 10) || C.newSeed();
        begin(C.drawPaper(seed, trainer.checked), seed, parseInt(minutes.value, 10), trainer.checked);
      } })
    ]));
  }

  function begin(paper, seed, minutes, withUnverified) {
    var flat = [];
    paper.forEach(function (s, si) { s.items.forEach(function (q, i) { flat.push({ q: q, sec: si, n: i + 1, points: s.points }); }); });
    var responses = {}, flags = {}, cur = 0, ends = Date.now() + minutes * 60000, timer = null, finished = false;
    app.innerHTML = "";
    var bar = el("div", { class: "qz-exambar" });
    var clock = el("span", { class: "qz-clock", id: "qz-clock" });
    var sheetBtn = el("button", { type: "button", class: "qz-btn", text: "答题卡", onclick: function () { sheet.classList.toggle("qz-open"); } });
    var submitBtn = el("button", { type: "button", class: "qz-btn qz-primary", id: "qz-submit-exam", text: "交卷", onclick: askSubmit });
    bar.appendChild(clock); bar.appendChild(sheetBtn); bar.appendChild(submitBtn);
    var sheet = el("div", { class: "qz-sheet", id: "qz-sheet" });
    var head = el("div", { class: "qz-sechead" });
    var stage = el("div", { class: "qz-stage" });
    var nav = el("div", { class: "qz-nav" });
    var dialog = el("div", { class: "qz-dialog", hidden: "hidden" });
    [bar, sheet, head, stage, nav, dialog].forEach(function (x) { app.appendChild(x); });

    function tick() {
      var left = Math.max(0, ends - Date.now());
      var m = Math.floor(left / 60000), s = Math.floor(left / 1000) % 60;
      clock.textContent = "剩余 " + m + ":" + (s < 10 ? "0" : "") + s;
      clock.classList.toggle("qz-late", left < 5 * 60000);
      if (left <= 0) finish(true);
    }
    function drawSheet() {
      sheet.innerHTML = "";
      paper.forEach(function (s, si) {
        var row = el("div", { class: "qz-sheetrow" }, [el("div", { class: "qz-sheetsec", text: s.key + "（" + s.points + "分/题）" })]);
        flat.forEach(function (f, k) {
          if (f.sec !== si) return;
          var cls = "qz-cell" + (C.answered(f.q, responses[k]) ? " qz-done" : "") + (flags[k] ? " qz-flag" : "") + (k === cur ? " qz-cur" : "");
          row.appendChild(el("button", { type: "button", class: cls, "data-k": k, "aria-label": s.key + "第" + f.n + "题", text: String(f.n), onclick: function () { go(k); sheet.classList.remove("qz-open"); } }));
        });
        sheet.appendChild(row);
      });
    }
    function go(k) { cur = k; show(); }
    function show() {
      var f = flat[cur];
      head.textContent = paper[f.sec].heading + " · 第 " + f.n + " 题（" + f.points + " 分）";
      C.render(stage, f.q, { mode: "exam", response: responses[cur], onChange: function (r) { responses[cur] = r; drawSheet(); } });
      nav.innerHTML = "";
      var flag = el("button", { type: "button", class: "qz-btn qz-flagbtn" + (flags[cur] ? " qz-on" : ""), text: flags[cur] ? "⚑ 取消标记" : "⚐ 标记", onclick: function () { flags[cur] = !flags[cur]; show(); } });
      var prev = el("button", { type: "button", class: "qz-btn", text: "上一题", onclick: function () { if (cur > 0) go(cur - 1); } });
      var next = el("button", { type: "button", class: "qz-btn qz-primary", text: "下一题", onclick: function () { if (cur + 1 < flat.length) go(cur + 1); } });
      prev.disabled = cur === 0; next.disabled = cur + 1 >= flat.length;
      nav.appendChild(prev); nav.appendChild(el("span", { class: "qz-pos", text: (cur + 1) + " / " + flat.length })); nav.appendChild(next); nav.appendChild(flag);
      drawSheet();
    }
    function askSubmit() {
      var left = flat.filter(function (f, k) { return !C.answered(f.q, responses[k]); }).length;
      var flagged = Object.keys(flags).filter(function (k) { return flags[k]; }).length;
      dialog.innerHTML = "";
      dialog.appendChild(el("div", { class: "qz-dialogbox" }, [
        el("p", { text: left ? "还有 " + left + " 题未作答" + (flagged ? "，" + flagged + " 题已标记" : "") + "，确定交卷吗？" : (flagged ? flagged + " 题已标记，" : "") + "确定交卷吗？" }),
        el("button", { type: "button", class: "qz-btn", text: "继续答题", onclick: function () { dialog.hidden = true; } }),
        el("button", { type: "button", class: "qz-btn qz-primary", id: "qz-confirm-submit", text: "确定交卷", onclick: function () { dialog.hidden = true; finish(false); } })
      ]));
      dialog.hidden = false;
    }
    function finish(timeUp) {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      var per = paper.map(function (s) { return { key: s.key, heading: s.heading, got: 0, max: s.items.length * s.points, right: 0, n: s.items.length }; });
      var results = flat.map(function (f, k) {
        var r = C.answered(f.q, responses[k]) ? C.grade(f.q, responses[k]) : { ok: false };
        if (r && r.ok) { per[f.sec].got += f.points; per[f.sec].right++; }
        S.record(f.q.id, !!(r && r.ok), false);
        return r;
      });
      var got = per.reduce(function (s, x) { return s + x.got; }, 0), max = per.reduce(function (s, x) { return s + x.max; }, 0);
      S.addExam({ at: Date.now(), seed: seed, score: got, max: max, unverified: withUnverified, sections: per.map(function (p) { return { key: p.key, got: p.got, max: p.max }; }) });
      review(per, got, max, results, timeUp);
    }
    function review(per, got, max, results, timeUp) {
      app.innerHTML = "";
      app.appendChild(el("div", { class: "qz-card qz-result" }, [
        el("h2", { text: (timeUp ? "时间到，已自动交卷。" : "已交卷。") }),
        el("p", { class: "qz-score" }, ["得分 ", el("b", { id: "qz-total", text: String(got) }), " / " + max]),
        el("table", { class: "qz-table" }, [
          el("thead", {}, [el("tr", {}, [el("th", { text: "题型" }), el("th", { text: "答对" }), el("th", { text: "得分" })])]),
          el("tbody", {}, per.map(function (p) {
            return el("tr", { "data-section": p.key }, [el("td", { text: p.key }), el("td", { text: p.right + " / " + p.n }), el("td", { class: "qz-secscore", text: p.got + " / " + p.max })]);
          }))]),
        el("p", {}, [el("a", { href: "wrongbook.html", text: "错题已收入错题本 →" }), " ", el("a", { href: "exam.html", text: "再考一次" })])
      ]));
      app.appendChild(el("h2", { text: "逐题回顾" }));
      flat.forEach(function (f, k) {
        var box = el("div", { class: "qz-review" + (results[k] && results[k].ok ? " qz-review-ok" : " qz-review-bad") });
        box.appendChild(el("div", { class: "qz-sechead", text: f.q.section + " 第 " + f.n + " 题（" + f.points + " 分）" + (results[k] && results[k].ok ? " ✔" : " ✘") }));
        var holder = el("div");
        box.appendChild(holder);
        app.appendChild(box);
        C.render(holder, f.q, { mode: "review", response: responses[k] || [] });
      });
      root.scrollTo(0, 0);
    }
    timer = setInterval(tick, 1000);
    tick(); show();
  }
  setup();
})(window);
