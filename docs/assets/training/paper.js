/* 培训班: a decoded 试卷码 -> the paper, the same on every device with the same bank (window.QuizCard's seeded
   shuffle over the bank index's short rows, QuizCard.all, in bank order); open() then loads the texts of the
   paper's questions only (docs/assets/quiz/loader.js); grading of a whole 成绩码; the saved 培训班 data
   (namespace "training").
   The county paper's unverified items the trainer ticks are always on the paper; the other places are drawn
   from the verified questions (必知/应知 in 县卷格式; the trainer's documents, topics and importance in 自选). */
(function (root) {
  "use strict";
  var C = root.QuizCard, T = root.TrainingCode, BANK = C.BANK;
  var SECTIONS = T.SECTIONS;

  function docIds() { return Object.keys(BANK.docs || {}); }
  /* the county paper's unverified items a paper may include (index = bit in the code); their texts are shown
     once loaded (the trainer's page loads them first), else the index's short rows */
  function pendingIds() {
    var set = (BANK.sets || []).filter(function (s) { return s.id === "paper-pending"; })[0];
    return ((set && set.ids) || []).slice(0, T.WIDTH.pending);
  }
  function pendingItems() {
    return pendingIds().map(function (id, i) { return { index: i, q: C.byId[id] || C.meta[id] }; })
      .filter(function (p) { return p.q && C.usable(p.q); });
  }
  function sectionMeta(key) {
    var s = ((BANK.paper && BANK.paper.sections) || []).filter(function (x) { return x.key === key; })[0];
    return s || { key: key, heading: key, count: 0, points_each: 2 };
  }
  function countyCounts() { return SECTIONS.map(function (k) { return sectionMeta(k).count; }); }

  /* spec (from TrainingCode.decodePaper) -> {sections: [{key, heading, points, items, wanted}], flat, kinds, max};
     items are the full questions where their texts are loaded, else the index's short rows (open() loads them) */
  function build(spec) {
    var county = spec.format !== "custom";
    var counts = county ? countyCounts() : spec.counts;
    var docs = docIds(), topics = BANK.topics || [];
    var allowDocs = county || !spec.docs ? null : spec.docs.map(function (i) { return docs[i]; });
    var allowTopics = county || !spec.topics ? null : spec.topics.map(function (i) { return topics[i]; });
    var levels = county ? ((BANK.pool && BANK.pool.default) || ["必知", "应知"]) : spec.importance.map(function (i) { return T.IMPORTANCE[i]; });
    var chosen = pendingItems().filter(function (p) { return spec.pending.indexOf(p.index) >= 0; }).map(function (p) { return C.meta[p.q.id] || p.q; });
    var sections = [];
    SECTIONS.forEach(function (key, k) {
      var want = counts[k];
      if (!want) return;
      var fixed = chosen.filter(function (q) { return q.section === key; }).slice(0, want);
      var pool = C.all.filter(function (q) {
        return q.section === key && C.scorable(q, false) && fixed.indexOf(q) < 0 &&
          (!allowDocs || allowDocs.indexOf(q.doc) >= 0) && (!allowTopics || allowTopics.indexOf(q.topic) >= 0) &&
          (!q.importance || levels.indexOf(q.importance) >= 0);
      });
      var items = fixed.concat(C.shuffle(pool, spec.seed * 7 + k).slice(0, want - fixed.length))
        .map(function (q) { return C.byId[q.id] || q; });   /* the full text where it is loaded */
      var meta = sectionMeta(key);
      sections.push({ key: key, heading: meta.heading.replace(/\(.*\)|（.*）/, ""), points: meta.points_each, items: items, wanted: want });
    });
    var flat = [];
    sections.forEach(function (s) { s.items.forEach(function (q, i) { flat.push({ q: q, key: s.key, n: i + 1, points: s.points }); }); });
    return { spec: spec, sections: sections, flat: flat, kinds: flat.map(function (f) { return f.key; }),
      max: flat.reduce(function (s, f) { return s + f.points; }, 0) };
  }

  /* build(spec) with the full texts of its questions, then done(paper): only the documents the paper draws from load */
  function open(spec, done) {
    C.need(build(spec).flat.map(function (f) { return f.q.id; }), function () { done(build(spec)); });
  }

  /* a trainee's order: the paper's, or shuffled within each section by the trainee's name (the 成绩码 keeps the paper's) */
  function orderFor(paper, name) {
    var idx = paper.flat.map(function (f, k) { return k; });
    if (!paper.spec.shuffle) return idx;
    var h = 7;
    for (var i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
    var out = [];
    paper.sections.forEach(function (s) {
      var mine = idx.filter(function (k) { return paper.flat[k].key === s.key; });
      out = out.concat(C.shuffle(mine, (h ^ paper.spec.seed) >>> 0));
    });
    return out;
  }

  /* answers in paper order -> {score, per: [{ok, blank}], right, wrong, blank} */
  function grade(paper, answers) {
    var score = 0, right = 0, wrong = 0, blank = 0;
    var per = paper.flat.map(function (f, k) {
      var a = answers[k] || [];
      if (!C.answered(f.q, a)) { blank++; return { ok: false, blank: true }; }
      var r = C.grade(f.q, a) || { ok: false };
      if (r.ok) { score += f.points; right++; } else wrong++;
      return { ok: !!r.ok, blank: false };
    });
    return { score: score, max: paper.max, per: per, right: right, wrong: wrong, blank: blank };
  }

  function describe(paper) {
    var spec = paper.spec;
    var parts = paper.sections.map(function (s) { return s.key + " " + s.items.length + " 题"; });
    var text = (spec.format === "custom" ? "自选" : "县卷格式") + "：" + parts.join("、") + "，满分 " + paper.max + " 分，限时 " +
      spec.minutes + " 分钟，" + (spec.shuffle ? "每人题目顺序不同" : "所有人题目顺序相同");
    var chosen = spec.pending.length;
    if (chosen) text += "，含 " + chosen + " 道县试卷“待核实”题";
    return text + "。";
  }

  /* ---- saved data: {name, trainee: {code: {...}}, sessions: {code: {created, results: {name: entry}, flagged: [...]}}, current} ---- */
  function isObj(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function str(x, max) { return typeof x === "string" && x.length <= max; }
  function cleanEntry(e) {
    if (!isObj(e) || !str(e.text, 4000) || !str(e.name, 40) || typeof e.at !== "number") return null;
    return { text: e.text, name: e.name, at: e.at };
  }
  function cleanData(d) {
    if (!isObj(d)) return null;
    var out = { name: str(d.name, 40) ? d.name : "", current: str(d.current, 40) ? d.current : "", sessions: {}, trainee: {} }, bad = 0;
    Object.keys(isObj(d.sessions) ? d.sessions : {}).forEach(function (code) {
      var s = d.sessions[code];
      if (!isObj(s) || code.length > 40) { bad++; return; }
      var results = {}, flagged = [];
      Object.keys(isObj(s.results) ? s.results : {}).forEach(function (n) { var e = cleanEntry(s.results[n]); if (e) results[n] = e; else bad++; });
      (Array.isArray(s.flagged) ? s.flagged : []).forEach(function (f) { var e = cleanEntry(f); if (e) { e.why = str(f.why, 400) ? f.why : ""; flagged.push(e); } else bad++; });
      out.sessions[code] = { created: typeof s.created === "number" ? s.created : 0, results: results, flagged: flagged };
    });
    Object.keys(isObj(d.trainee) ? d.trainee : {}).forEach(function (code) {
      var t = d.trainee[code];
      if (isObj(t) && code.length <= 40 && typeof t.started === "number" && isObj(t.answers)) {
        out.trainee[code] = { started: t.started, answers: t.answers, done: str(t.done, 4000) ? t.done : "" };
      } else bad++;
    });
    return { data: out, bad: bad };
  }
  var store = root.ZhucunStorage.open("training", {
    version: 1, label: "培训班记录",
    empty: function () { return { name: "", current: "", sessions: {}, trainee: {} }; },
    clean: cleanData,
    exportText: function () { return JSON.stringify({ format: "zhucun-training", version: 1, data: store.data }, null, 1); }
  });

  root.TrainingPaper = { build: build, open: open, orderFor: orderFor, grade: grade, describe: describe, pendingItems: pendingItems, pendingIds: pendingIds,
    docIds: docIds, countyCounts: countyCounts, store: store, cleanData: cleanData,
    bankVersion: typeof BANK.bank_version === "number" ? BANK.bank_version : null };
})(window);
