/* The question bank, loaded a document at a time. bank/index.js (window.QUIZ_INDEX) has one short row per
   question (id, document, 题型, importance, topic, status, flags): enough to choose, count and draw questions.
   The texts are in bank/<document>.js, added as <script> elements when a page shows one of their questions
   (scripts, not fetch, so the pages work from file:// too; the service worker keeps what a visit loads).
   window.QUIZ_BANK keeps the shape the pages always had: its `questions` are the ones loaded so far, in bank
   order; QuizBank.all are the short rows of every question (never rendered). */
(function (root) {
  "use strict";
  var X = root.QUIZ_INDEX;
  if (!X) return;
  var MISSING = 1, ANSWERED = 2, LOCAL_SET = 4;
  var all = [], meta = {}, byId = {}, loaded = {}, pending = {};
  X.rows.forEach(function (r) {
    /* a short row with the fields QuizCard.usable/scorable/inPool read; `answer` only says whether there is one */
    var q = { id: r[0], doc: X.parts[r[1]], section: X.sections[r[2]], importance: X.pool.levels[r[3]],
      topic: r[4] < 0 ? undefined : X.topics[r[4]], status: r[5] < 0 ? undefined : X.statuses[r[5]],
      missing: !!(r[6] & MISSING), answer: r[6] & ANSWERED ? [] : null, local_set: !!(r[6] & LOCAL_SET), part: X.parts[r[1]] };
    all.push(q); meta[q.id] = q;
  });
  var bank = { questions: [] };   /* everything of the index but its rows: docs, topics, paper, pool, sets, bank_version… */
  Object.keys(X).forEach(function (k) { if (["rows", "parts", "sections", "statuses"].indexOf(k) < 0) bank[k] = X[k]; });

  function base() {
    var s = document.querySelector('script[src$="quiz/bank/index.js"]');
    return s ? s.src.replace(/index\.js(\?.*)?$/, "") : "../assets/quiz/bank/";
  }
  var BASE = base();

  function take(name) {
    var qs = (root.QUIZ_PARTS || {})[name];
    if (!Array.isArray(qs)) return false;
    qs.forEach(function (q) { byId[q.id] = q; });
    delete root.QUIZ_PARTS[name];
    loaded[name] = true;
    bank.questions = all.filter(function (q) { return byId[q.id]; }).map(function (q) { return byId[q.id]; });
    return true;
  }
  function loadPart(name) {
    if (loaded[name]) return Promise.resolve();
    if (!pending[name]) {
      pending[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = BASE + encodeURIComponent(name) + ".js";
        s.onload = function () { if (take(name)) resolve(); else reject(new Error(name)); };
        s.onerror = function () { s.remove(); reject(new Error(name)); };
        document.head.appendChild(s);
      });
      pending[name].catch(function () { delete pending[name]; });
    }
    return pending[name];
  }
  function partsOf(ids) {
    var out = [];
    ids.forEach(function (id) { var q = meta[id]; if (q && out.indexOf(q.part) < 0) out.push(q.part); });
    return out;
  }
  /* the full questions of these ids (unknown ids are left out), then done(); a part that cannot be
     loaded (no network and not kept offline) shows a plain message in the page */
  function need(ids, done) {
    Promise.all(partsOf(ids).map(loadPart)).then(function () { done(); }, function () {
      var app = document.getElementById("quiz-app");
      if (app) {
        app.textContent = "";
        var p = document.createElement("p");
        p.className = "qz-warn";
        p.textContent = "这部分题目没能载入。请检查网络后刷新页面；离线副本请重新下载。";
        app.appendChild(p);
      }
    });
  }

  root.QUIZ_BANK = bank;
  /* every question's text (the 培训班 pages draw and grade over the whole bank) */
  function whole(done) { need(all.map(function (q) { return q.id; }), done); }

  root.QuizBank = { all: all, meta: meta, byId: byId, need: need, whole: whole, partsOf: partsOf,
    loaded: function () { return Object.keys(loaded); } };
})(window);
