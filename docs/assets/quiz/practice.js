/* 顺序练习 / 随机练习 by document or topic, 错题本 / 收藏 practice, 背题模式, resume where left off.
   The default lists hold 必知/应知 questions (BANK.pool.default); 了解 only with 含“了解”题. The county
   paper's unverified and unset items are in their own set (BANK.sets: 原卷（待核实）), never in the
   default lists, so 顺序练习 never opens with them. Lists are made from the index's short rows (C.all,
   C.meta); a question's text is loaded (with its document's other questions) when it is shown. */
(function (root) {
  "use strict";
  var C = root.QuizCard, S = root.QuizStore, el = C.el, BANK = C.BANK;
  var app = C.mount();
  if (!app) return;

  /* the link's parameters: a known value, or all questions with a plain note */
  var notes = [];
  var scope = { order: "seq", by: "all", value: "", recite: C.param("recite") === "1", extra: C.param("extra") === "1" };
  var SETS = {}, setOf = {};
  (BANK.sets || []).forEach(function (s) { SETS[s.id] = s; s.ids.forEach(function (id) { setOf[id] = s.id; }); });
  var order = C.param("order"), doc = C.param("doc"), topic = C.param("topic"), book = C.param("book"), set = C.param("set");
  if (order === "seq" || order === "rand") scope.order = order;
  else if (order) notes.push("链接里的练习方式无效，已按顺序练习。");
  if (doc) {
    if (BANK.docs[doc]) { scope.by = "doc"; scope.value = doc; } else notes.push("链接里的文件在题库中找不到，已显示全部题目。");
  }
  if (topic) {
    if (BANK.topics.indexOf(topic) >= 0) { scope.by = "topic"; scope.value = topic; } else notes.push("链接里的专题在题库中找不到，已显示全部题目。");
  }
  if (book) {
    if (book === "wrong" || book === "fav") { scope.by = book; scope.value = ""; } else notes.push("链接里的题目范围无效，已显示全部题目。");
  }
  if (set) {
    if (Object.prototype.hasOwnProperty.call(SETS, set)) { scope.by = "set"; scope.value = set; } else notes.push("链接里的专项在题库中找不到，已显示全部题目。");
  }

  function list() {
    if (scope.by === "set") return SETS[scope.value].ids.map(function (id) { return C.meta[id]; }).filter(Boolean);
    var qs = C.all.filter(function (q) { return !q.missing; });
    if (scope.by === "all" || scope.by === "doc" || scope.by === "topic") {
      qs = qs.filter(function (q) { return !setOf[q.id] && C.inPool(q, scope.extra); });
    }
    if (scope.by === "doc") qs = qs.filter(function (q) { return q.doc === scope.value; });
    if (scope.by === "topic") qs = qs.filter(function (q) { return q.topic === scope.value; });
    if (scope.by === "wrong") qs = qs.filter(function (q) { return S.state.wrong[q.id]; });
    if (scope.by === "fav") qs = qs.filter(function (q) { return S.state.fav[q.id]; });
    return qs;
  }
  function resumeKey() { return [scope.order, scope.by, scope.value].join("|") + (scope.extra ? "|extra" : ""); }

  var controls = el("div", { class: "qz-toolbar" });
  var byDoc = el("select", { "aria-label": "按文件" }, [el("option", { value: "", text: "按文件…" })]);
  var docsWithQs = {};
  C.all.forEach(function (q) { if (!q.missing && !setOf[q.id] && C.inPool(q, false)) docsWithQs[q.doc] = (docsWithQs[q.doc] || 0) + 1; });
  Object.keys(BANK.docs).forEach(function (id) {
    if (docsWithQs[id]) byDoc.appendChild(el("option", { value: id, text: BANK.docs[id].short + "（" + docsWithQs[id] + "）" }));
  });
  var byTopic = el("select", { "aria-label": "按专题" }, [el("option", { value: "", text: "按专题…" })]);
  BANK.topics.forEach(function (t) { byTopic.appendChild(el("option", { value: t, text: t })); });
  var orderSel = el("select", { "aria-label": "顺序" }, [el("option", { value: "seq", text: "顺序练习" }), el("option", { value: "rand", text: "随机练习" })]);
  var recite = el("input", { type: "checkbox", id: "qz-recite" });
  var extra = el("input", { type: "checkbox", id: "qz-extra" });
  var bySet = el("select", { "aria-label": "专项练习", id: "qz-set" }, [el("option", { value: "", text: "专项…" })]);
  (BANK.sets || []).forEach(function (s) { if (s.ids.length) bySet.appendChild(el("option", { value: s.id, text: s.label + "（" + s.ids.length + "）" })); });
  controls.appendChild(el("div", { class: "qz-row" }, [orderSel, el("label", { class: "qz-check", for: "qz-recite" }, [recite, "背题模式"])]));
  controls.appendChild(el("div", { class: "qz-row" }, [byDoc, byTopic]));
  controls.appendChild(el("div", { class: "qz-row" }, [bySet, el("label", { class: "qz-check", for: "qz-extra", title: "了解类：村数、日期、抽查比例、提法等背景知识" }, [extra, "含“了解”类题目"])]));
  var scopeLine = el("div", { class: "qz-scope" });
  var stage = el("div", { class: "qz-stage" });
  var nav = el("div", { class: "qz-nav" });
  if (notes.length) app.appendChild(el("div", { class: "qz-warn", id: "qz-param-note" }, notes.map(function (t) { return el("p", { text: t }); })));
  app.appendChild(controls); app.appendChild(scopeLine); app.appendChild(stage); app.appendChild(nav);

  orderSel.value = scope.order;
  recite.checked = scope.recite;
  if (scope.by === "doc") byDoc.value = scope.value;
  if (scope.by === "topic") byTopic.value = scope.value;
  if (scope.by === "set") bySet.value = scope.value;
  extra.checked = scope.extra;
  extra.onchange = function () { scope.extra = extra.checked; start(); };
  bySet.onchange = function () { byDoc.value = ""; byTopic.value = ""; scope.by = bySet.value ? "set" : "all"; scope.value = bySet.value; start(); };
  orderSel.onchange = function () { scope.order = orderSel.value; start(); };
  recite.onchange = function () { scope.recite = recite.checked; show(); };
  byDoc.onchange = function () { byTopic.value = ""; bySet.value = ""; scope.by = byDoc.value ? "doc" : "all"; scope.value = byDoc.value; start(); };
  byTopic.onchange = function () { byDoc.value = ""; bySet.value = ""; scope.by = byTopic.value ? "topic" : "all"; scope.value = byTopic.value; start(); };

  var items = [], index = 0, seed = 0;
  function start() {
    var saved = S.state.resume[resumeKey()] || {};
    var at = typeof saved.i === "number" && isFinite(saved.i) && saved.i > 0 ? Math.floor(saved.i) : 0;
    seed = typeof saved.seed === "number" && saved.seed > 0 ? saved.seed : C.newSeed();
    var base = list();
    items = scope.order === "rand" ? C.shuffle(base, seed) : base;
    index = Math.min(at, Math.max(items.length - 1, 0));
    var label = { all: scope.extra ? "全部题目（含了解类）" : "必知、应知题目", doc: "文件：" + C.docName(scope.value), topic: "专题：" + scope.value, wrong: "错题本", fav: "收藏", set: scope.by === "set" ? SETS[scope.value].label : "" }[scope.by];
    scopeLine.textContent = label + " · " + (scope.order === "rand" ? "随机" : "顺序") + " · 共 " + items.length + " 题" + (index ? "（从上次位置继续）" : "");
    if (scope.by === "set") scopeLine.appendChild(el("span", { class: "qz-note", text: "　这些是县试卷中本站无法用条文核对答案、或需要本县数字的题，答案仅供参考，不计入模拟考试。" }));
    show();
  }
  function save() { S.setResume(resumeKey(), { i: index, seed: seed }); }

  var showing = 0;
  function show() {
    nav.innerHTML = "";
    if (!items.length) {
      showing++;
      stage.innerHTML = "";
      stage.appendChild(el("p", { class: "qz-empty", text: scope.by === "wrong" ? "错题本是空的。练习中答错的题会自动收进来，连续答对两次即移出。" : scope.by === "fav" ? "还没有收藏的题目。" : "这个范围内没有题目。" }));
      return;
    }
    var ticket = ++showing, at = items[index];
    stage.innerHTML = "";
    C.need([at.id], function () { if (ticket === showing) ask(C.byId[at.id]); });
  }
  function ask(q) {
    C.render(stage, q, {
      mode: "practice", recite: scope.recite, focus: false,
      onAnswer: function (result) {
        if (!result) return;
        var mastered = S.record(q.id, result.ok, scope.by === "wrong");
        if (mastered) stage.appendChild(el("p", { class: "qz-ok", text: "连续答对两次，已从错题本移出。" }));
      }
    });
    var star = el("button", { type: "button", class: "qz-btn qz-star", "aria-pressed": S.state.fav[q.id] ? "true" : "false", text: S.state.fav[q.id] ? "★ 已收藏" : "☆ 收藏" });
    star.onclick = function () { var on = S.toggleFav(q.id); star.textContent = on ? "★ 已收藏" : "☆ 收藏"; star.setAttribute("aria-pressed", on ? "true" : "false"); };
    var prev = el("button", { type: "button", class: "qz-btn", text: "上一题", onclick: function () { if (index > 0) { index--; save(); show(); } } });
    var next = el("button", { type: "button", class: "qz-btn qz-primary", text: index + 1 < items.length ? "下一题" : "已是最后一题", onclick: function () { if (index + 1 < items.length) { index++; save(); show(); root.scrollTo(0, 0); } } });
    if (index === 0) prev.disabled = true;
    if (index + 1 >= items.length) next.disabled = true;
    nav.appendChild(prev); nav.appendChild(el("span", { class: "qz-pos", text: (index + 1) + " / " + items.length })); nav.appendChild(next);
    nav.appendChild(star);
    save();
  }
  start();
})(window);
