/* Normalisation and grading of typed answers; twin of build_scripts/quiz/normalise.py.
   Checked against tests/quiz/blank_normalisation_vectors.yml in node and in Chromium. */
(function (root) {
  "use strict";
  var DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                 "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  var UNITS = { "十": 10, "百": 100, "千": 1000 };
  var NUMERAL_RUN = /[零〇一二两三四五六七八九十百千]+/g;
  var PERCENT = /百分之([零〇一二两三四五六七八九十百千0-9.]+)/g;
  var PUNCT = " \t\r\n\f\v\u00a0\u3000_" +
    "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~" +
    "、。，；：！？“”‘’《》〈〉【】（）「」『』〔〕〃…—–·・～￥";
  var PUNCT_SET = {};
  for (var i = 0; i < PUNCT.length; i++) PUNCT_SET[PUNCT[i]] = true;

  function has(map, run) {
    for (var i = 0; i < run.length; i++) if (map.hasOwnProperty(run[i])) return true;
    return false;
  }
  function numeralValue(run) {
    if (!has(DIGITS, run) && run[0] !== "十") return run;
    var i, ch;
    if (!has(UNITS, run)) {
      var out = "";
      for (i = 0; i < run.length; i++) out += String(DIGITS[run[i]]);
      return out;
    }
    var total = 0, current = 0;
    for (i = 0; i < run.length; i++) {
      ch = run[i];
      if (DIGITS.hasOwnProperty(ch)) current = DIGITS[ch];
      else { total += (current || 1) * UNITS[ch]; current = 0; }
    }
    return String(total + current);
  }
  var FRACTION = /([0-9]+)\s*[\/／⁄]\s*([0-9]+)/g;
  var DECIMAL = /([0-9])\.(?=[0-9])/g;
  var GE = /([0-9])个(?=[^0-9])/g;
  function normalise(text) {
    var s = String(text == null ? "" : text).normalize("NFKC").toLowerCase();
    s = s.replace(PERCENT, "$1");
    s = s.replace(NUMERAL_RUN, numeralValue);
    s = s.replace(FRACTION, "$2分之$1");
    s = s.replace(DECIMAL, "$1点");
    s = s.replace(GE, "$1");
    var out = "";
    for (var i = 0; i < s.length; i++) if (!PUNCT_SET[s[i]]) out += s[i];
    return out;
  }
  function matches(given, expected) {
    var g = normalise(given);
    return g !== "" && g === normalise(expected);
  }
  function blankOk(given, answer, accept) {
    var all = [answer].concat(accept || []);
    for (var i = 0; i < all.length; i++) if (matches(given, all[i])) return true;
    return false;
  }
  function permutations(list) {
    if (list.length <= 1) return [list.slice()];
    var out = [];
    list.forEach(function (x, i) {
      var rest = list.slice(0, i).concat(list.slice(i + 1));
      permutations(rest).forEach(function (p) { out.push([x].concat(p)); });
    });
    return out;
  }
  function sum(a) { return a.reduce(function (s, x) { return s + (x ? 1 : 0); }, 0); }
  function gradeBlanks(inputs, answer, accept, orderFree) {
    accept = accept || [];
    inputs = inputs || [];
    var acc = answer.map(function (_, i) { return accept[i] || []; });
    var inp = answer.map(function (_, i) { return inputs[i] == null ? "" : inputs[i]; });
    var result = answer.map(function (a, i) { return blankOk(inp[i], a, acc[i]); });
    (orderFree || []).forEach(function (group) {
      var best = null;
      permutations(group).forEach(function (perm) {
        var trial = group.map(function (src, k) { return blankOk(inp[src], answer[perm[k]], acc[perm[k]]); });
        if (best === null || sum(trial) > sum(best)) best = trial;
      });
      group.forEach(function (idx, k) { result[idx] = best[k]; });
    });
    return result;
  }
  var api = { normalise: normalise, matches: matches, gradeBlanks: gradeBlanks };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.QuizNormalise = api;
})(typeof window !== "undefined" ? window : this);
