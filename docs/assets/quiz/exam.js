/* 模拟考试 in the county-test format: sections and points, timer, 答题卡 with jump and flag, 交卷,
   score per section, review with explanations and clause links.
   One exam, one tab: a tab that opens while another tab has the same exam open asks that tab first
   (BroadcastChannel) and says so instead of taking over; a tab whose exam is written by another tab
   (storage event, also where BroadcastChannel is missing) stops saving and says so. */
(function (root) {
  "use strict";
  var C = root.QuizCard, S = root.QuizStore, el = C.el, BANK = C.BANK;
  var app = C.mount();
  if (!app) return;

  var OFFERED = [10, 20, 30, 45, 60], DEFAULT_MINUTES = 30;
  var notes = [];   /* plain-language notes about the link's parameters, shown on the start card */

  /* ?minutes= and ?seed= from a link: an offered value, or the default said plainly */
  function urlMinutes() {
    var raw = C.param("minutes");
    if (raw == null || raw === "") return DEFAULT_MINUTES;
    var n = /^\s*\d{1,3}\s*$/.test(raw) ? parseInt(raw, 10) : NaN;
    if (OFFERED.indexOf(n) >= 0) return n;
    notes.push("链接里的考试时长“" + raw.slice(0, 20) + "”不是可选的时长（" + OFFERED.join("、") + " 分钟），已改为 " + DEFAULT_MINUTES + " 分钟，可在下面重新选择。");
    return DEFAULT_MINUTES;
  }
  function urlSeed() {
    var raw = C.param("seed");
    if (raw == null || raw === "") return 0;
    if (/^\d{1,9}$/.test(raw) && parseInt(raw, 10) > 0) return parseInt(raw, 10);
    notes.push("链接里的试卷编号“" + raw.slice(0, 20) + "”无效（应为 1 到 9 位数字），将随机抽题。");
    return 0;
  }

  function setup() {
    app.innerHTML = "";
    var secs = (BANK.paper && BANK.paper.sections) || [];
    var total = secs.reduce(function (s, x) { return s + x.count * x.points_each; }, 0);
    var minutes = el("select", { id: "qz-minutes", "aria-label": "考试时长" },
      OFFERED.map(function (m) { return el("option", { value: m, text: m + " 分钟" }); }));
    minutes.value = String(urlMinutes());
    var urlSeedValue = urlSeed();
    var trainer = el("input", { type: "checkbox", id: "qz-unverified" });
    var extra = el("input", { type: "checkbox", id: "qz-extra" });
    extra.checked = C.param("extra") === "1";
    var startBtn = el("button", { type: "button", class: "qz-btn qz-primary", id: "qz-start", text: "开始考试", onclick: function () {
      if (startBtn.disabled || !paper) return;
      startBtn.disabled = true;
      var mins = parseInt(minutes.value, 10);
      if (OFFERED.indexOf(mins) < 0) mins = DEFAULT_MINUTES;
      start({ v: 1, seed: seed, minutes: mins, withUnverified: trainer.checked, withBackground: extra.checked, started: Date.now(),
        ends: Date.now() + mins * 60000, cur: 0, responses: {}, flags: {}, sections: sectionsOf(paper) }, null);
    } });
    app.appendChild(el("div", { class: "qz-card" }, [
      el("h2", { text: "全县扶贫驻村干部知识模拟考试" }),
      notes.length ? el("div", { class: "qz-warn", id: "qz-param-note" }, notes.map(function (t) { return el("p", { text: t }); })) : null,
      el("ul", {}, secs.map(function (s) { return el("li", { text: s.heading.replace(/\(.*\)/, "") + "：" + s.count + " 题，每题 " + s.points_each + " 分" }); })),
      el("p", { text: "满分 " + total + " 分。多选题少选、错选均不得分；未作答的题不得分，但不算答错、不进错题本。题目从题库随机抽取，只用有条文依据的题。" }),
      el("p", {}, [el("label", { for: "qz-minutes", text: "时长：" }), minutes]),
      el("p", {}, [el("label", { class: "qz-check", for: "qz-extra", title: "了解类：村数、日期、抽查比例、提法等背景知识" }, [extra, "包含了解类题目"])]),
      el("p", {}, [el("label", { class: "qz-check", for: "qz-unverified" }, [trainer, "培训老师：纳入“待核实”题目"])]),
      el("p", { class: "qz-note", text: "“待核实”题的答案来自本库未收录的文件，默认不计入考试。每答一题都会保存在本机：刷新、返回或浏览器被关闭后，回到本页可以接着考。" }),
      startBtn
    ]));
    /* the paper is drawn now and its questions' texts loaded while the start card is read (their documents
       only); 开始考试 is enabled once they are there, so the exam opens at once */
    var seed = urlSeedValue || C.newSeed(), paper = null, preparing = 0;
    function prepare() {
      var ticket = ++preparing, drawn = C.drawPaper(seed, trainer.checked, extra.checked);
      startBtn.disabled = true;
      C.need(idsOf({ sections: sectionsOf(drawn) }), function () {
        if (ticket === preparing) { paper = drawn; startBtn.disabled = false; }
      });
    }
    trainer.onchange = prepare;
    extra.onchange = prepare;
    prepare();
  }
  function sectionsOf(paper) {
    return paper.map(function (s) { return { key: s.key, heading: s.heading, points: s.points, ids: s.items.map(function (q) { return q.id; }) }; });
  }

  /* the drawn questions' texts (their documents only), then the exam */
  function start(draft, restoredNote) { C.need(idsOf(draft), function () { begin(draft, restoredNote); }); }
  function idsOf(draft) {
    var ids = [];
    (draft && Array.isArray(draft.sections) ? draft.sections : []).forEach(function (s) {
      if (s && Array.isArray(s.ids)) s.ids.forEach(function (id) { if (typeof id === "string") ids.push(id); });
    });
    return ids;
  }

  /* A saved exam back as a paper; null when it cannot be rebuilt (bank changed, damaged record). */
  function paperOf(draft) {
    if (!draft || draft.v !== 1 || !Array.isArray(draft.sections) || typeof draft.ends !== "number" || !isFinite(draft.ends)) return null;
    var paper = [];
    for (var i = 0; i < draft.sections.length; i++) {
      var s = draft.sections[i];
      if (!s || !Array.isArray(s.ids) || typeof s.points !== "number") return null;
      var items = s.ids.map(function (id) { return C.byId[id]; });
      if (items.some(function (q) { return !q || !C.usable(q); })) return null;
      paper.push({ key: String(s.key), heading: String(s.heading), points: s.points, items: items });
    }
    return paper.length ? paper : null;
  }

  /* which tab wrote the exam last; BroadcastChannel to ask the other tabs (absent: the storage event only) */
  var TAB = String(Date.now()) + "-" + Math.floor(Math.random() * 1e9);
  var channel = "BroadcastChannel" in root ? new root.BroadcastChannel("zhucun-exam") : null;

  /* Is this exam open in another tab? fn(true) when one answers within a moment. */
  function openElsewhere(draft, fn) {
    if (!channel) { fn(false); return; }
    var answered = false;
    channel.onmessage = function (e) {
      var m = e.data || {};
      if (m.type === "here" && m.started === draft.started && m.seed === draft.seed) answered = true;
    };
    channel.postMessage({ type: "who", started: draft.started, seed: draft.seed });
    setTimeout(function () { channel.onmessage = null; fn(answered); }, 400);
  }

  function begin(draft, restoredNote, takeOver) {
    var paper = paperOf(draft);
    var seed = draft.seed, withUnverified = !!draft.withUnverified;
    var flat = [];
    paper.forEach(function (s, si) { s.items.forEach(function (q, i) { flat.push({ q: q, sec: si, n: i + 1, points: s.points }); }); });
    var responses = {}, flags = {}, cur = 0, ends = draft.ends, stopClock = function () {}, finished = false;
    Object.keys(draft.responses && typeof draft.responses === "object" ? draft.responses : {}).forEach(function (k) { if (flat[k] && Array.isArray(draft.responses[k])) responses[k] = draft.responses[k].map(String); });
    Object.keys(draft.flags && typeof draft.flags === "object" ? draft.flags : {}).forEach(function (k) { if (flat[k] && draft.flags[k]) flags[k] = true; });
    if (typeof draft.cur === "number" && flat[draft.cur]) cur = draft.cur;
    /* saved after every answer, flag and move: a reload, back or a killed tab loses nothing */
    var held = false;
    function persist() {
      if (finished || held) return;
      draft.responses = responses; draft.flags = flags; draft.cur = cur; draft.tab = TAB;
      S.exam.put(draft);
    }
    /* the same exam written or handed in by another tab: stop here rather than overwrite its answers */
    function hold(text, again) {
      if (finished || held) return;
      held = true;
      stopClock();
      app.innerHTML = "";
      app.appendChild(el("div", { class: "qz-card qz-warn", id: "qz-other-tab", role: "alert" }, [
        el("p", { text: text }),
        el("button", { type: "button", class: "qz-btn qz-primary", text: again || "在本页继续考试", onclick: function () { root.location.reload(); } })
      ]));
    }
    S.exam.onChange(function (other) {
      if (finished || held) return;
      if (!other) hold("这场考试已在另一个标签页（或窗口）交卷。本页已停止作答，请在那个页面查看成绩。", "重新开始一场考试");
      else if (other.tab === TAB) return;
      else if (other.started !== draft.started || other.seed !== draft.seed)
        hold("另一个标签页（或窗口）开始了一场新的考试。本机只保存一场未交卷的考试，本页已停止保存，这一场的作答没有覆盖那一场。", "在本页打开那一场考试");
      else
        hold("这场考试正在另一个标签页（或窗口）中作答。为免两边的作答互相覆盖，本页已停止保存。请回到那个页面继续；要在本页继续，点下面的按钮（会载入那边已保存的作答）。");
    });
    if (channel) channel.onmessage = function (e) {
      var m = e.data || {};
      if (finished || held || m.started !== draft.started || m.seed !== draft.seed) return;
      if (m.type === "who") channel.postMessage({ type: "here", started: draft.started, seed: draft.seed });
      else if (m.type === "take") hold("这场考试已转到另一个标签页（或窗口）中继续作答，本页已停止保存。要回到本页继续，点下面的按钮（会载入那边已保存的作答）。");
    };
    if (takeOver && channel) channel.postMessage({ type: "take", started: draft.started, seed: draft.seed });
    persist();
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
    var restored = restoredNote ? el("p", { class: "qz-note", id: "qz-restored", text: restoredNote }) : null;
    [restored, bar, sheet, head, stage, nav, dialog].forEach(function (x) { if (x) app.appendChild(x); });

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
    function go(k) { cur = k; persist(); show(); }
    function show() {
      var f = flat[cur];
      head.textContent = paper[f.sec].heading + " · 第 " + f.n + " 题（" + f.points + " 分）";
      C.render(stage, f.q, { mode: "exam", response: responses[cur], onChange: function (r) { responses[cur] = r; persist(); drawSheet(); } });
      nav.innerHTML = "";
      var flag = el("button", { type: "button", class: "qz-btn qz-flagbtn" + (flags[cur] ? " qz-on" : ""), text: flags[cur] ? "⚑ 取消标记" : "⚐ 标记", onclick: function () { if (flags[cur]) delete flags[cur]; else flags[cur] = true; persist(); show(); } });
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
      stopClock();
      var per = paper.map(function (s) { return { key: s.key, heading: s.heading, got: 0, max: s.items.length * s.points, right: 0, wrong: 0, blank: 0, n: s.items.length }; });
      /* unanswered is not wrong: it scores nothing and stays out of 错题本 and the answer counts */
      var results = flat.map(function (f, k) {
        if (!C.answered(f.q, responses[k])) { per[f.sec].blank++; return { ok: false, blank: true }; }
        var r = C.grade(f.q, responses[k]) || { ok: false };
        if (r.ok) { per[f.sec].got += f.points; per[f.sec].right++; } else per[f.sec].wrong++;
        S.record(f.q.id, !!r.ok, false);
        return r;
      });
      var got = per.reduce(function (s, x) { return s + x.got; }, 0), max = per.reduce(function (s, x) { return s + x.max; }, 0);
      var blank = per.reduce(function (s, x) { return s + x.blank; }, 0);
      S.addExam({ at: Date.now(), seed: seed, score: got, max: max, unverified: withUnverified, unanswered: blank, sections: per.map(function (p) { return { key: p.key, got: p.got, max: p.max }; }) });
      S.exam.clear();
      review(per, got, max, results, timeUp);
    }
    function review(per, got, max, results, timeUp) {
      app.innerHTML = "";
      var wrongN = per.reduce(function (s, x) { return s + x.wrong; }, 0), blankN = per.reduce(function (s, x) { return s + x.blank; }, 0);
      var rightN = per.reduce(function (s, x) { return s + x.right; }, 0);
      app.appendChild(el("div", { class: "qz-card qz-result" }, [
        el("h2", { text: (timeUp ? (timeUp === "away" ? "离开期间考试时间已到，已按保存的作答自动交卷。" : "时间到，已自动交卷。") : "已交卷。") }),
        el("p", { class: "qz-score" }, ["得分 ", el("b", { id: "qz-total", text: String(got) }), " / " + max]),
        el("p", { id: "qz-tally", text: "答对 " + rightN + " 题，答错 " + wrongN + " 题，未答 " + blankN + " 题。" }),
        el("table", { class: "qz-table" }, [
          el("thead", {}, [el("tr", {}, [el("th", { text: "题型" }), el("th", { text: "答对" }), el("th", { text: "未答" }), el("th", { text: "得分" })])]),
          el("tbody", {}, per.map(function (p) {
            return el("tr", { "data-section": p.key }, [el("td", { text: p.key }), el("td", { text: p.right + " / " + p.n }), el("td", { text: String(p.blank) }), el("td", { class: "qz-secscore", text: p.got + " / " + p.max })]);
          }))]),
        el("p", {}, [wrongN ? el("a", { href: "wrongbook.html", text: "答错的 " + wrongN + " 题已收入错题本 →" }) : null,
          blankN ? el("span", { class: "qz-note", text: " 未答的题不进错题本。" }) : null, " ", el("a", { href: "exam.html", text: "再考一次" })])
      ]));
      app.appendChild(el("h2", { text: "逐题回顾" }));
      var filters = [["all", "全部（" + flat.length + "）"], ["bad", "只看错题（" + wrongN + "）"], ["blank", "只看未答（" + blankN + "）"]];
      var boxes = [];
      var bar = el("div", { class: "qz-row qz-filter", role: "group", "aria-label": "筛选" });
      function pick(kind) {
        Array.prototype.forEach.call(bar.children, function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-filter") === kind ? "true" : "false"); });
        boxes.forEach(function (b) { b.hidden = !(kind === "all" || b.getAttribute("data-result") === kind); });
      }
      filters.forEach(function (f) { bar.appendChild(el("button", { type: "button", class: "qz-btn qz-small", "data-filter": f[0], text: f[1], onclick: function () { pick(f[0]); } })); });
      app.appendChild(bar);
      flat.forEach(function (f, k) {
        var r = results[k], kind = r.blank ? "blank" : (r.ok ? "ok" : "bad");
        var box = el("div", { class: "qz-review" + (kind === "ok" ? " qz-review-ok" : kind === "bad" ? " qz-review-bad" : " qz-review-blank"), "data-result": kind });
        box.appendChild(el("div", { class: "qz-sechead", text: f.q.section + " 第 " + f.n + " 题（" + f.points + " 分）" + (kind === "ok" ? " ✔" : kind === "bad" ? " ✘" : " 未答") }));
        var holder = el("div");
        box.appendChild(holder);
        app.appendChild(box);
        boxes.push(box);
        C.render(holder, f.q, { mode: "review", response: responses[k] || [], unanswered: kind === "blank" });
      });
      pick("all");
      root.scrollTo(0, 0);
    }
    if (Date.now() >= ends && restoredNote) { finish("away"); return; }
    stopClock = root.QuizCountdown.start(clock, ends, 5 * 60000, function () { finish(true); }, "考试尚未交卷");
    show();
  }
  var saved = S.exam.get();
  if (saved) C.need(idsOf(saved), function () { resume(saved); }); else setup();
  function resume(saved) {
    if (paperOf(saved)) {
      var done = Object.keys(saved.responses && typeof saved.responses === "object" ? saved.responses : {}).filter(function (k) { return Array.isArray(saved.responses[k]) && saved.responses[k].some(function (x) { return String(x).trim() !== ""; }); }).length;
      var note = "已恢复上次未交卷的考试（已作答 " + done + " 题）。计时没有暂停。";
      app.textContent = "正在恢复未交卷的考试……";
      openElsewhere(saved, function (elsewhere) {
        if (!elsewhere) { begin(S.exam.get() || saved, note); return; }
        app.innerHTML = "";
        app.appendChild(el("div", { class: "qz-card qz-warn", id: "qz-other-tab", role: "alert" }, [
          el("p", { text: "这场考试正在另一个标签页（或窗口）中作答（已保存 " + done + " 题）。同时在两个页面作答会互相覆盖，请回到那个页面继续。" }),
          el("button", { type: "button", class: "qz-btn qz-primary", id: "qz-take-over", text: "改在本页继续（那个页面将停止作答）", onclick: function () {
            var latest = S.exam.get();
            if (latest && paperOf(latest)) begin(latest, note, true);
            else root.location.reload();
          } })
        ]));
      });
    } else {
      S.exam.clear();
      setup();
      app.insertBefore(el("p", { class: "qz-warn", id: "qz-restore-failed", text: "上次未交卷的考试无法恢复：网站更新后题目有变化，或保存的记录已损坏。请重新开始一场考试。" }), app.firstChild);
    }
  }
})(window);
