/* Practice progress (namespace "quiz") and the mock exam in progress (namespace "quiz-exam"), kept by the
   storage layer (assets/storage/storage.js). Schema, validation, migration from the first format
   (key "zhucun-quiz-v1") and the field-by-field import merge live here; documented in quiz_bank/README.md. */
(function (root) {
  "use strict";
  var ZS = root.ZhucunStorage;
  var FORMAT = "zhucun-quiz-progress";          /* export files */
  var VERSION = 2;
  var MAX_IMPORT = 2 * 1024 * 1024;              /* characters; a whole bank's progress is far smaller */
  var MAX_ID = 200;

  function empty() {
    return { answers: {}, wrong: {}, fav: {}, resume: {}, exams: [], srs: {}, srsDay: { day: "", fresh: 0 } };
  }
  function isObj(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function count(x) { return typeof x === "number" && isFinite(x) && x >= 0 && Math.floor(x) === x && x <= 2147483647; }
  function num(x) { return typeof x === "number" && isFinite(x); }
  function time(x) { return num(x) && x >= 0 && x < 1e14; }
  function okId(id) { return typeof id === "string" && id.length > 0 && id.length <= MAX_ID; }

  /* Each checker returns the cleaned record or null (a record that is not right is refused whole). */
  var check = {
    answers: function (a) {
      if (!isObj(a) || !count(a.right) || !count(a.wrong)) return null;
      if (a.last != null && !time(a.last)) return null;
      return { right: a.right, wrong: a.wrong, last: a.last == null ? null : a.last, lastOk: a.lastOk === true };
    },
    wrong: function (w) {
      if (!isObj(w) || !count(w.misses) || (w.added != null && !time(w.added)) || (w.streak != null && !count(w.streak))) return null;
      return { added: w.added == null ? 0 : w.added, misses: w.misses, streak: w.streak || 0 };
    },
    fav: function (t) { return time(t) ? t : (t === true ? 0 : null); },
    resume: function (r) {
      if (!isObj(r) || !count(r.i) || (r.seed != null && !count(r.seed))) return null;
      return { i: r.i, seed: r.seed || 0 };
    },
    exam: function (e) {
      if (!isObj(e) || !time(e.at) || !num(e.score) || !num(e.max) || e.max < 0) return null;
      if (e.sections != null && !Array.isArray(e.sections)) return null;
      var secs = [];
      for (var i = 0; i < (e.sections || []).length; i++) {
        var s = e.sections[i];
        if (!isObj(s) || typeof s.key !== "string" || s.key.length > 20 || !num(s.got) || !num(s.max)) return null;
        secs.push({ key: s.key, got: s.got, max: s.max });
      }
      if (e.unanswered != null && !count(e.unanswered)) return null;
      var out = { at: e.at, seed: count(e.seed) ? e.seed : 0, score: e.score, max: e.max, unverified: e.unverified === true, sections: secs };
      if (e.unanswered != null) out.unanswered = e.unanswered;
      return out;
    },
    srs: function (c) {
      if (!isObj(c) || !time(c.due) || !num(c.stability) || c.stability < 0 || !num(c.difficulty) ||
          !count(c.elapsed_days) || !count(c.scheduled_days) || !count(c.reps) || !count(c.lapses) ||
          [0, 1, 2, 3].indexOf(c.state) < 0 || (c.learning_steps != null && !count(c.learning_steps)) ||
          (c.last_review != null && !time(c.last_review))) return null;
      return { due: c.due, stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days, learning_steps: c.learning_steps || 0, reps: c.reps, lapses: c.lapses,
        state: c.state, last_review: c.last_review == null ? null : c.last_review };
    }
  };
  var MAPS = { answers: check.answers, wrong: check.wrong, fav: check.fav, resume: check.resume, srs: check.srs };

  /* Validate a whole progress object. known(id) (optional) limits question ids to the bank.
     Returns {data, bad, unknown} or null when it is not progress at all. */
  function clean(d, known) {
    if (!isObj(d)) return null;
    var out = empty(), bad = 0, unknown = 0;
    Object.keys(MAPS).forEach(function (part) {
      if (d[part] == null) return;
      if (!isObj(d[part])) { bad++; return; }
      Object.keys(d[part]).forEach(function (id) {
        if (!okId(id)) { bad++; return; }
        var v = MAPS[part](d[part][id]);
        if (v === null) { bad++; return; }
        if (known && part !== "resume" && !known(id)) { unknown++; return; }
        out[part][id] = v;
      });
    });
    if (d.exams != null) {
      if (!Array.isArray(d.exams)) bad++;
      else d.exams.forEach(function (e) { var v = check.exam(e); if (v) out.exams.push(v); else bad++; });
    }
    if (isObj(d.srsDay) && typeof d.srsDay.day === "string" && /^\d{4}-\d\d-\d\d$/.test(d.srsDay.day) && count(d.srsDay.fresh)) {
      out.srsDay = { day: d.srsDay.day, fresh: d.srsDay.fresh };
    }
    return { data: out, bad: bad, unknown: unknown };
  }
  /* today's first format: {format, version: 1, answers, wrong, fav, resume, exams} */
  function fromV1(p) {
    if (!isObj(p) || p.format !== FORMAT || p.version !== 1) return null;
    return { answers: p.answers, wrong: p.wrong, fav: p.fav, resume: p.resume, exams: p.exams };
  }

  var progress = ZS.open("quiz", {
    version: VERSION, label: "练习进度", empty: empty,
    clean: function (d) { return clean(d); },
    legacy: [{ key: "zhucun-quiz-v1", migrate: fromV1 }],
    exportText: function () { return exportText(); }
  });
  var examListeners = [];
  var examDraft = ZS.open("quiz-exam", {
    version: 1, label: "考试作答", empty: function () { return { exam: null }; },
    clean: function (d) { return isObj(d) && (d.exam === null || isObj(d.exam)) ? { data: { exam: d.exam }, bad: 0 } : null; },
    /* another tab wrote the exam in progress (storage event) */
    onChange: function (d) { examListeners.forEach(function (fn) { fn(d && d.exam); }); }
  });
  function S() { return progress.data; }
  function save() { return progress.save(); }

  /* ok: answered right? fromBook: answered while practising the 错题本 (two right in a row = mastered) */
  function record(qid, ok, fromBook) {
    var st = S();
    var a = st.answers[qid] || { right: 0, wrong: 0, last: null, lastOk: false };
    if (ok) a.right += 1; else a.wrong += 1;
    a.last = Date.now(); a.lastOk = !!ok;
    st.answers[qid] = a;
    var w = st.wrong[qid];
    if (!ok) {
      st.wrong[qid] = { added: w ? w.added : Date.now(), misses: (w ? w.misses : 0) + 1, streak: 0 };
    } else if (w && fromBook) {
      w.streak = (w.streak || 0) + 1;
      if (w.streak >= 2) delete st.wrong[qid];
    }
    save();
    return !!(w && fromBook && ok && !st.wrong[qid]);  /* true when just mastered */
  }
  function removeWrong(qid) { delete S().wrong[qid]; save(); }
  function toggleFav(qid) {
    var st = S();
    if (st.fav[qid]) delete st.fav[qid]; else st.fav[qid] = Date.now();
    save();
    return !!st.fav[qid];
  }
  function setResume(key, value) { S().resume[key] = value; save(); }
  function addExam(summary) { S().exams.push(summary); save(); }
  function setCard(qid, card, isNew) {
    var st = S();
    st.srs[qid] = card;
    if (isNew) {
      var today = ZS_day();
      if (st.srsDay.day !== today) st.srsDay = { day: today, fresh: 0 };
      st.srsDay.fresh += 1;
    }
    return save();
  }
  function ZS_day() { var d = new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function exportText() {
    return JSON.stringify(Object.assign({ format: FORMAT, version: VERSION, exported: new Date().toISOString() }, S()), null, 1);
  }

  function fail(msg) { var e = new Error(msg); e.userMessage = msg; throw e; }
  function copy(x) { return JSON.parse(JSON.stringify(x)); }

  /* Merge an exported file into what is here, field by field; a record in the file never replaces one
     here: counts take the larger of the two, times the later, and nothing here is removed. Returns a report. */
  function importText(text, known) {
    if (typeof text !== "string" || text.length > MAX_IMPORT) fail("导入失败：文件太大（超过 2 MB），不像本站导出的进度文件。现有进度未作任何改动。");
    var data;
    try { data = JSON.parse(text); } catch (e) { fail("导入失败：文件内容读不出来，不是本站导出的进度文件，请选择本站“导出进度”保存下来的文件。现有进度未作任何改动。"); }
    if (!isObj(data) || data.format !== FORMAT) fail("导入失败：这不是本站导出的练习进度文件（缺少格式标记）。现有进度未作任何改动。");
    if (data.version !== 1 && data.version !== 2) fail("导入失败：进度文件的版本不受支持（可能来自更新版本的网站）。现有进度未作任何改动。");
    var c = clean(data, known);
    var next = copy(S()), r = { added: { answers: 0, wrong: 0, fav: 0, exams: 0, srs: 0, resume: 0 }, updated: { answers: 0, wrong: 0, srs: 0 }, bad: c.bad, unknown: c.unknown };
    var d = c.data;
    Object.keys(d.answers).forEach(function (id) {
      var mine = next.answers[id], theirs = d.answers[id];
      if (!mine) { next.answers[id] = theirs; r.added.answers++; return; }
      var m = { right: Math.max(mine.right, theirs.right), wrong: Math.max(mine.wrong, theirs.wrong),
        last: Math.max(mine.last || 0, theirs.last || 0) || null,
        lastOk: (theirs.last || 0) > (mine.last || 0) ? theirs.lastOk : mine.lastOk };
      if (m.right !== mine.right || m.wrong !== mine.wrong || m.last !== mine.last) { next.answers[id] = m; r.updated.answers++; }
    });
    Object.keys(d.wrong).forEach(function (id) {
      var mine = next.wrong[id], theirs = d.wrong[id];
      if (!mine) { next.wrong[id] = theirs; r.added.wrong++; return; }
      if (theirs.misses > mine.misses) { mine.misses = theirs.misses; r.updated.wrong++; }
      if (theirs.added && (!mine.added || theirs.added < mine.added)) mine.added = theirs.added;
    });
    Object.keys(d.fav).forEach(function (id) { if (!next.fav[id]) { next.fav[id] = d.fav[id] || Date.now(); r.added.fav++; } });
    Object.keys(d.resume).forEach(function (k) { if (!(k in next.resume)) { next.resume[k] = d.resume[k]; r.added.resume++; } });
    Object.keys(d.srs).forEach(function (id) {
      var mine = next.srs[id], theirs = d.srs[id];
      if (!mine) { next.srs[id] = theirs; r.added.srs++; return; }
      /* one card's schedule is a chain of reviews: the later review (then the longer history) is the current one */
      var later = (theirs.last_review || 0) - (mine.last_review || 0) || theirs.reps - mine.reps;
      if (later > 0) { next.srs[id] = theirs; r.updated.srs++; }
    });
    var seen = {};
    next.exams.forEach(function (e) { seen[e.at] = true; });
    d.exams.forEach(function (e) { if (!seen[e.at]) { seen[e.at] = true; next.exams.push(e); r.added.exams++; } });
    next.exams.sort(function (a, b) { return a.at - b.at; });
    var changed = Object.keys(r.added).some(function (k) { return r.added[k]; }) || Object.keys(r.updated).some(function (k) { return r.updated[k]; });
    if (changed && !progress.commit(next)) {
      fail("导入失败：浏览器存储空间不足，合并后的进度无法保存。现有进度未作任何改动。");
    }
    r.changed = changed;
    return r;
  }

  /* The one sentence an import ends with: what was added, what was updated, what was refused. */
  function importReport(r) {
    var parts = [], a = r.added, u = r.updated;
    if (a.wrong) parts.push("错题 " + a.wrong + " 道");
    if (a.fav) parts.push("收藏 " + a.fav + " 道");
    if (a.answers) parts.push("作答记录 " + a.answers + " 条");
    if (a.exams) parts.push("考试记录 " + a.exams + " 次");
    if (a.srs) parts.push("智能复习 " + a.srs + " 题");
    if (a.resume) parts.push("练习位置 " + a.resume + " 处");
    var ups = [];
    if (u.answers) ups.push("作答次数 " + u.answers + " 条");
    if (u.wrong) ups.push("错题次数 " + u.wrong + " 道");
    if (u.srs) ups.push("复习进度 " + u.srs + " 题");
    var msg = r.changed ? "导入成功：" : "导入完成：文件中的记录本机都已有，没有改动。";
    if (r.changed) {
      msg += parts.length ? "新增" + parts.join("、") + "。" : "没有新增记录。";
      if (ups.length) msg += "按文件中更多的次数或更晚的复习更新了" + ups.join("、") + "。";
      msg += "本机原有的记录都还在，次数只增不减。";
    }
    if (r.bad) msg += "有 " + r.bad + " 条记录格式不对（例如次数不是数字），没有导入。";
    if (r.unknown) msg += "有 " + r.unknown + " 条记录对应的题目不在当前题库中，没有导入。";
    return msg;
  }

  root.QuizStore = {
    get state() { return progress.data; }, record: record, removeWrong: removeWrong, toggleFav: toggleFav,
    setResume: setResume, addExam: addExam, setCard: setCard, today: ZS_day, exportText: exportText,
    importText: importText, importReport: importReport, clean: clean, MAX_IMPORT: MAX_IMPORT,
    reload: function () { return progress.reload(); },
    exam: {
      get: function () { return examDraft.data.exam; },
      put: function (exam) { examDraft.data.exam = exam; return examDraft.save(); },
      clear: function () { examDraft.data.exam = null; return examDraft.save(); },
      onChange: function (fn) { examListeners.push(fn); }
    }
  };
})(window);
