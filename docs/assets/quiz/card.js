/* Bank access, grading and the question card shared by every practice view. */
(function (root) {
  "use strict";
  /* loader.js: BANK.questions are the questions loaded so far, byId their full texts, meta/all the short
     rows of every question (for choosing and drawing), need(ids, done) loads the texts a view shows */
  var QB = root.QuizBank || { all: [], meta: {}, byId: {}, need: function (ids, done) { done(); }, whole: function (done) { done(); } };
  var BANK = root.QUIZ_BANK || { questions: [], docs: {}, topics: [] };
  var N = root.QuizNormalise;
  var LETTERS = "ABCDEF";
  var byId = QB.byId;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function usable(q) { return !q.missing && q.answer != null; }
  function scorable(q, withUnverified) {
    if (!usable(q)) return false;
    if (q.status === "grounded") return true;
    if (q.status === "local") return !!q.local_set;
    return !!withUnverified;
  }
  /* 必知/应知 by default; 了解 only when the learner asks for it (BANK.pool.default) */
  var POOL = (BANK.pool && BANK.pool.default) || ["必知", "应知"];
  function inPool(q, withBackground) { return withBackground || !q.importance || POOL.indexOf(q.importance) >= 0; }
  function docName(id) { return (BANK.docs[id] || {}).short || id; }
  function answerText(q) {
    if (q.answer == null) return "（参考答案待核实）";
    if (q.section === "填空") return q.answer.join("；");
    return q.answer.map(function (l) { return l + "．" + q.options[LETTERS.indexOf(l)]; }).join("  ");
  }
  function isBlank(q) { return q.section === "填空"; }
  /* response: array of letters (choices) or array of strings (blanks) */
  function grade(q, response) {
    if (!usable(q) || !response) return null;
    if (isBlank(q)) {
      var per = N.gradeBlanks(response, q.answer, q.accept, q.order_free);
      return { ok: per.every(Boolean), perBlank: per };
    }
    var a = q.answer.slice().sort().join(""), r = response.slice().sort().join("");
    return { ok: a === r && r !== "" };
  }
  function answered(q, response) {
    if (!response) return false;
    return isBlank(q) ? response.some(function (x) { return String(x).trim() !== ""; }) : response.length > 0;
  }

  function badges(q) {
    var out = [el("span", { class: "qz-badge", text: q.section })];
    if (q.doc) out.push(el("span", { class: "qz-badge qz-doc", text: docName(q.doc) }));
    if (q.topic) out.push(el("span", { class: "qz-badge qz-topic", text: q.topic }));
    if (q.status === "unverified") out.push(el("span", { class: "qz-badge qz-unverified", text: "待核实", title: "参考答案来自本站未收录或无法确认的文件" }));
    if (q.status === "local") out.push(el("span", { class: "qz-badge qz-local", text: q.local_set ? "本县数据" : "本县数据·未设置" }));
    return el("div", { class: "qz-badges" }, out);
  }

  function explanation(q, result, response) {
    var box = el("div", { class: "qz-explain" });
    if (result) {
      box.appendChild(el("p", { class: result.ok ? "qz-ok" : "qz-bad", text: result.ok ? "✔ 回答正确" : "✘ 回答错误" }));
    }
    box.appendChild(el("p", { class: "qz-answer" }, [el("b", { text: "参考答案：" }), answerText(q)]));
    if (result && !result.ok && isBlank(q) && response) {
      var rows = q.answer.map(function (std, i) {
        return el("tr", { class: result.perBlank[i] ? "" : "qz-miss" }, [
          el("td", { text: "第" + (i + 1) + "空" }),
          el("td", { text: N.normalise(response[i] || "") || "（空）" }),
          el("td", { text: N.normalise(std) })]);
      });
      box.appendChild(el("table", { class: "qz-compare" }, [
        el("thead", {}, [el("tr", {}, [el("th", { text: "" }), el("th", { text: "你的作答（规范化后）" }), el("th", { text: "标准答案（规范化后）" })])]),
        el("tbody", {}, rows)]));
      box.appendChild(el("p", { class: "qz-note", text: "判分只忽略全角半角、空格、标点和大小写，并把汉字数字当作阿拉伯数字；措辞不同不算对。" }));
    }
    if (q.status === "unverified") {
      box.appendChild(el("p", { class: "qz-warn" }, [el("b", { text: "待核实：" }),
        "本题答案依据" + (q.source || "未收录的文件") + "，本站没有收录该文件，答案未经条文核对，仅供参考。"]));
    }
    if (q.status === "local" && !q.local_set) {
      box.appendChild(el("p", { class: "qz-warn", text: "这是本县的数字，县里的培训老师还没有把它填入本站，所以本题没有参考答案，只作练习、不计分。" }));
    }
    box.appendChild(el("p", { class: "qz-why", text: q.explanation || "" }));
    if (q.options_note) box.appendChild(el("p", { class: "qz-note", text: q.options_note }));
    var links = [];
    if (q.link) links.push(el("a", { href: q.link, class: "qz-cite", text: "查看条文：" + q.cite_label }));
    (q.related || []).forEach(function (r) { links.push(el("a", { href: r.link, class: "qz-related", text: "对照：" + r.label })); });
    if (q.paper_item) links.push(el("a", { href: q.paper_item.link, class: "qz-related qz-paperlink", text: "县试卷同一知识点：" + q.paper_item.label }));
    if (links.length) box.appendChild(el("p", { class: "qz-links" }, links));
    return box;
  }

  function stemNode(q, inputs, disabled, initial) {
    var p = el("div", { class: "qz-stem" });
    if (!isBlank(q)) { p.textContent = q.stem; return p; }
    var parts = q.stem.split(/_{2,}/);
    parts.forEach(function (text, i) {
      p.appendChild(document.createTextNode(text));
      if (i < parts.length - 1) {
        var inp = el("input", { class: "qz-blank", type: "text", "aria-label": "第" + (i + 1) + "空", autocomplete: "off" });
        if (initial && initial[i] != null) inp.value = initial[i];
        if (disabled) inp.disabled = true;
        inputs.push(inp);
        p.appendChild(inp);
      }
    });
    return p;
  }

  /* Render q into container.
     opts.mode: "practice" (check at once), "exam" (just collect), "review" (show response + answer)
     opts.recite: show the answer straight away (背题模式); opts.response: earlier response;
     opts.unanswered (review): the question was left blank, so no verdict;
     opts.onAnswer(result, response); opts.onChange(response) (exam) */
  function render(container, q, opts) {
    opts = opts || {};
    container.innerHTML = "";
    var card = el("div", { class: "qz-card", "data-qid": q.id });
    card.appendChild(badges(q));
    var inputs = [];
    var locked = opts.mode === "review" || opts.recite;
    var response = opts.response ? opts.response.slice() : [];
    card.appendChild(stemNode(q, inputs, locked, opts.response));
    var optionBox = null, feedback = el("div", { class: "qz-feedback" }), done = false;
    var multi = q.section === "多选";
    if (!isBlank(q)) {
      optionBox = el("div", { class: "qz-options", role: multi ? "group" : "radiogroup" });
      q.options.forEach(function (text, i) {
        var letter = LETTERS[i];
        var b = el("button", { type: "button", class: "qz-option", "data-letter": letter }, [
          el("span", { class: "qz-letter", text: letter }), el("span", { class: "qz-otext", text: text })]);
        if (response.indexOf(letter) >= 0) b.classList.add("qz-picked");
        b.addEventListener("click", function () {
          if (locked || done) return;
          if (multi) {
            var k = response.indexOf(letter);
            if (k >= 0) response.splice(k, 1); else response.push(letter);
          } else response = [letter];
          paintPicks();
          if (opts.onChange) opts.onChange(response.slice());
          if (!multi && opts.mode === "practice") check();
        });
        optionBox.appendChild(b);
      });
      card.appendChild(optionBox);
    }
    if (isBlank(q) && opts.mode === "exam") {
      inputs.forEach(function (inp) {
        inp.addEventListener("input", function () { opts.onChange(inputs.map(function (x) { return x.value; })); });
      });
    }
    function paintPicks() {
      if (!optionBox) return;
      Array.prototype.forEach.call(optionBox.children, function (b) {
        b.classList.toggle("qz-picked", response.indexOf(b.getAttribute("data-letter")) >= 0);
      });
    }
    function paintResult() {
      if (!optionBox || q.answer == null) return;
      Array.prototype.forEach.call(optionBox.children, function (b) {
        var l = b.getAttribute("data-letter");
        b.classList.toggle("qz-right", q.answer.indexOf(l) >= 0);
        b.classList.toggle("qz-wrong", response.indexOf(l) >= 0 && q.answer.indexOf(l) < 0);
      });
    }
    function check() {
      if (done) return;
      if (isBlank(q)) response = inputs.map(function (x) { return x.value; });
      if (!answered(q, response)) { feedback.textContent = "请先作答。"; return; }
      done = true;
      inputs.forEach(function (x) { x.disabled = true; });
      var result = grade(q, response);
      paintResult();
      feedback.innerHTML = "";
      if (!result) feedback.appendChild(el("p", { class: "qz-warn", text: "本题没有可靠的参考答案，不判对错。" }));
      feedback.appendChild(explanation(q, result, response));
      if (submit) submit.remove();
      if (opts.onAnswer) opts.onAnswer(result, response);
    }
    var submit = null;
    if (opts.mode === "practice" && !opts.recite && (isBlank(q) || multi)) {
      submit = el("button", { type: "button", class: "qz-btn qz-primary qz-submit", text: "提交答案", onclick: check });
      card.appendChild(submit);
      inputs.forEach(function (inp) { inp.addEventListener("keydown", function (e) { if (e.key === "Enter") check(); }); });
    }
    card.appendChild(feedback);
    if (opts.recite) { done = true; paintResult(); feedback.appendChild(explanation(q, null, null)); }
    if (opts.mode === "review") {
      done = true; paintPicks(); paintResult();
      if (opts.unanswered) feedback.appendChild(el("p", { class: "qz-note qz-blankmark", text: "未作答（不算答错，不进错题本）" }));
      feedback.appendChild(explanation(q, opts.unanswered ? null : grade(q, opts.response) || null, opts.response));
    }
    container.appendChild(card);
    if (inputs.length && !locked && opts.focus) inputs[0].focus();
    return { check: check, response: function () { return isBlank(q) ? inputs.map(function (x) { return x.value; }) : response.slice(); } };
  }

  /* Seeded RNG so a paper or a random order can be reproduced (?seed=...) */
  function rng(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, seed) {
    var r = rng(seed), a = list.slice();
    for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(r() * (i + 1)); var t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  }
  function param(name) { return new URLSearchParams(root.location.search).get(name); }
  function newSeed() { return Math.floor(Math.random() * 1e9) + 1; }

  /* A paper in the county-test format: sections and points as on the paper, drawn from the whole bank
     (short rows: load their texts with need before showing them) */
  function drawPaper(seed, withUnverified, withBackground) {
    var sections = (BANK.paper && BANK.paper.sections) || [];
    if (withBackground === undefined) withBackground = param("extra") === "1";
    return sections.map(function (s, k) {
      var pool = QB.all.filter(function (q) { return q.section === s.key && scorable(q, withUnverified) && inPool(q, withBackground); });
      return { key: s.key, heading: s.heading, points: s.points_each, items: shuffle(pool, seed + k).slice(0, s.count) };
    });
  }

  function mount(loading) {
    var app = document.getElementById("quiz-app");
    if (!app) return null;
    if (!root.QUIZ_BANK) { app.textContent = "题库未能加载。请刷新页面；离线副本请重新下载。"; return null; }
    app.innerHTML = "";
    return app;
  }

  root.QuizCard = {
    BANK: BANK, byId: byId, meta: QB.meta, all: QB.all, need: QB.need, whole: QB.whole, el: el, render: render, grade: grade, answered: answered, usable: usable,
    scorable: scorable, inPool: inPool, docName: docName, answerText: answerText, shuffle: shuffle, param: param,
    newSeed: newSeed, drawPaper: drawPaper, mount: mount, LETTERS: LETTERS
  };
})(window);
