/* Progress kept in this browser (localStorage), keyed by question id; export/import as a JSON file.
   Import merges and never drops what is already here. */
(function (root) {
  "use strict";
  var KEY = "zhucun-quiz-v1";
  var FORMAT = "zhucun-quiz-progress";

  function empty() {
    return { format: FORMAT, version: 1, answers: {}, wrong: {}, fav: {}, resume: {}, exams: [] };
  }
  function isObj(x) { return x && typeof x === "object" && !Array.isArray(x); }

  function load() {
    try {
      var data = JSON.parse(root.localStorage.getItem(KEY) || "null");
      if (isObj(data) && data.format === FORMAT) {
        var base = empty();
        Object.keys(base).forEach(function (k) { if (data[k] == null) data[k] = base[k]; });
        return data;
      }
    } catch (e) { /* unreadable storage: start afresh, do not overwrite until next save */ }
    return empty();
  }
  var state = load();
  function save() {
    try { root.localStorage.setItem(KEY, JSON.stringify(state)); return true; }
    catch (e) { return false; }
  }

  /* ok: answered right? fromBook: answered while practising the 错题本 (two right in a row = mastered) */
  function record(qid, ok, fromBook) {
    var a = state.answers[qid] || { right: 0, wrong: 0 };
    if (ok) a.right += 1; else a.wrong += 1;
    a.last = Date.now(); a.lastOk = !!ok;
    state.answers[qid] = a;
    var w = state.wrong[qid];
    if (!ok) {
      state.wrong[qid] = { added: w ? w.added : Date.now(), misses: (w ? w.misses : 0) + 1, streak: 0 };
    } else if (w && fromBook) {
      w.streak = (w.streak || 0) + 1;
      if (w.streak >= 2) delete state.wrong[qid];
    }
    save();
    return !!(w && fromBook && ok && !state.wrong[qid]);  /* true when just mastered */
  }
  function removeWrong(qid) { delete state.wrong[qid]; save(); }
  function toggleFav(qid) {
    if (state.fav[qid]) delete state.fav[qid]; else state.fav[qid] = Date.now();
    save();
    return !!state.fav[qid];
  }
  function setResume(key, value) { state.resume[key] = value; save(); }
  function addExam(summary) { state.exams.push(summary); save(); }

  function exportText() {
    return JSON.stringify(Object.assign({}, state, { exported: new Date().toISOString() }), null, 1);
  }

  function fail(msg) { var e = new Error(msg); e.userMessage = msg; throw e; }

  /* Merge a previously exported file into what is here. Returns counts of what was added. */
  function importText(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { fail("导入失败：文件不是有效的 JSON 格式，请选择本站“导出进度”得到的 .json 文件。"); }
    if (!isObj(data) || data.format !== FORMAT) fail("导入失败：这不是本站导出的练习进度文件（缺少格式标记）。现有进度未作任何改动。");
    if (data.version !== 1) fail("导入失败：进度文件版本（" + data.version + "）不受支持。现有进度未作任何改动。");
    ["answers", "wrong", "fav", "resume"].forEach(function (k) {
      if (data[k] != null && !isObj(data[k])) fail("导入失败：文件中的“" + k + "”部分已损坏。现有进度未作任何改动。");
    });
    if (data.exams != null && !Array.isArray(data.exams)) fail("导入失败：文件中的考试记录已损坏。现有进度未作任何改动。");
    var added = { answers: 0, wrong: 0, fav: 0, exams: 0 };
    Object.keys(data.answers || {}).forEach(function (id) {
      var mine = state.answers[id], theirs = data.answers[id];
      if (!isObj(theirs)) return;
      var n = function (x) { return x ? (x.right || 0) + (x.wrong || 0) : -1; };
      if (!mine) added.answers++;
      if (n(theirs) > n(mine)) state.answers[id] = theirs;
    });
    Object.keys(data.wrong || {}).forEach(function (id) {
      var mine = state.wrong[id], theirs = data.wrong[id];
      if (!isObj(theirs)) return;
      if (!mine) { state.wrong[id] = theirs; added.wrong++; }
      else if ((theirs.misses || 0) > (mine.misses || 0)) mine.misses = theirs.misses;
    });
    Object.keys(data.fav || {}).forEach(function (id) {
      if (!state.fav[id]) { state.fav[id] = data.fav[id]; added.fav++; }
    });
    Object.keys(data.resume || {}).forEach(function (k) {
      if (!(k in state.resume)) state.resume[k] = data.resume[k];
    });
    var seen = {};
    state.exams.forEach(function (e) { seen[e.at] = true; });
    (data.exams || []).forEach(function (e) {
      if (isObj(e) && !seen[e.at]) { state.exams.push(e); added.exams++; }
    });
    state.exams.sort(function (a, b) { return (a.at || 0) - (b.at || 0); });
    if (!save()) fail("导入失败：浏览器存储空间不可用。");
    return added;
  }

  root.QuizStore = {
    get state() { return state; }, record: record, removeWrong: removeWrong, toggleFav: toggleFav,
    setResume: setResume, addExam: addExam, exportText: exportText, importText: importText,
    reload: function () { state = load(); return state; }
  };
})(window);
