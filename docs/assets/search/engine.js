/* 驻村干部制度知识库: the search engine (no DOM). Loaded by assets/search/search.js on the first search
 * interaction, and by the Node evaluation (build_scripts/search_index/evaluate.mjs) against the same index.
 *
 * The index (search/index.js) holds every clause's text. A query is folded (full-width → half-width,
 * blanks dropped), cut into concepts (numbering such as 第十七条 or 七、（二）; numbers with units, where
 * 二十天 = 20天 and 3天 falls inside 3—7天; words from the build-time jieba word list, the county's
 * synonyms, Intl.Segmenter or character bigrams for unknown runs; "多少天" asks for a clause that states a
 * number of days, and the county's answer words make "什么时候" ask for one that says 年底, 每季度 …), and every clause is scored with BM25 over the concepts it contains, credit for concepts
 * in its parent clauses or its document's name, and a strong preference for clauses that contain all of them.
 * Plain ES2017, no look-behind, no Chromium-only API (Intl.Segmenter is optional).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ZhucunSearchEngine = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // ---------------------------------------------------------------- folding
  var FOLD = { "\u3000": " ", "（": "(", "）": ")", "—": "-", "–": "-", "－": "-", "～": "~", "％": "%",
    "＋": "+", "／": "/", "．": ".", "，": ",", "：": ":", "；": ";", "〇": "零", "\u2014": "-", "\u2015": "-" };

  var QUOTES = "“”‘’\"'《》「」〈〉";

  /** Folded text for matching, and for each folded character the index of the original one. */
  function fold(text) {
    var out = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      // blanks, zero-width space and no-break space are not part of the words
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0x200b || code === 0xa0) continue;
      // quotation marks and title marks are not part of the words either: 村“两委” is 村两委
      if (QUOTES.indexOf(text[i]) >= 0) continue;
      var ch;
      if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
      else if (code < 128) ch = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
      else ch = FOLD[text[i]] || text[i];
      out += ch;
      map.push(i);
    }
    map.push(text.length);
    return { s: out, map: map };
  }

  // ---------------------------------------------------------------- numbers
  var CN_DIGIT = { "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  var CN_UNIT = { "十": 10, "百": 100, "千": 1000, "万": 10000 };
  var CN_CHARS = "零一二两三四五六七八九十百千";
  var CN_NUM = "[" + CN_CHARS + "]+";
  var NUM = "(\\d+(?:\\.\\d+)?|" + CN_NUM + ")";

  function cnToNumber(s) {
    if (/^\d+(\.\d+)?$/.test(s)) return parseFloat(s);
    var total = 0, section = 0, digit = 0, seen = false;
    for (var i = 0; i < s.length; i++) {
      var ch = s[i];
      if (ch in CN_DIGIT) { digit = CN_DIGIT[ch]; seen = true; }
      else if (ch in CN_UNIT) {
        var unit = CN_UNIT[ch];
        if (unit === 10000) { total += (section + digit) * unit; section = 0; }
        else section += (digit || (i === 0 ? 1 : 0) || (unit === 10 ? 1 : 0)) * unit;
        digit = 0; seen = true;
      } else return NaN;
    }
    return seen ? total + section + digit : NaN;
  }

  function numberToCn(n) {
    if (!(n >= 0 && n < 100000) || Math.floor(n) !== n) return null;
    var digits = "零一二三四五六七八九";
    if (n < 10) return digits[n];
    var units = ["", "十", "百", "千", "万"];
    var s = String(n), out = "", zero = false;
    for (var i = 0; i < s.length; i++) {
      var d = +s[i], pos = s.length - 1 - i;
      if (d === 0) { zero = true; continue; }
      if (zero && out) out += "零";
      zero = false;
      out += (d === 1 && pos === 1 && i === 0 ? "" : digits[d]) + units[pos];
    }
    return out;
  }

  var UNIT_NAMES = { "个工作日": "工作日", "工作日": "工作日", "个月": "月", "月": "月", "个星期": "周",
    "星期": "周", "周": "周", "周岁": "岁", "岁": "岁", "个小时": "小时", "小时": "小时", "天": "天", "日": "天",
    "年": "年", "次": "次", "名": "人", "人": "人", "万元": "万元", "万": "万元", "元": "元", "%": "%", "个": "个", "遍": "次" };
  var UNIT = "(个工作日|工作日|个月|个星期|星期|周岁|个小时|小时|万元|[天日年月周次名人元%岁个遍万])";
  var RANGE_RE = new RegExp(NUM + "(?:\\s*[-~至到]\\s*" + NUM + ")?" + UNIT, "g");
  var PERCENT_RE = new RegExp("百分之(\\d+(?:\\.\\d+)?|" + CN_NUM + ")", "g");
  var FRACTION_RE = new RegExp("(\\d+)/(\\d+)|(" + CN_NUM + ")分之(" + CN_NUM + ")", "g");

  /** Every quantity stated in folded text: {lo, hi, unit, start, end}. */
  function quantities(s) {
    var out = [], m;
    RANGE_RE.lastIndex = 0;
    while ((m = RANGE_RE.exec(s))) {
      var start = m.index;
      // a number glued to a longer one (15天 inside 115天) is not a match start
      if (start > 0 && /[\d.]/.test(s[start - 1]) && /\d/.test(m[1][0])) continue;
      if (start > 0 && CN_CHARS.indexOf(s[start - 1]) >= 0 && CN_CHARS.indexOf(m[1][0]) >= 0) continue;
      var lo = cnToNumber(m[1]);
      var hi = m[2] ? cnToNumber(m[2]) : lo;
      if (isNaN(lo) || isNaN(hi)) continue;
      out.push({ lo: Math.min(lo, hi), hi: Math.max(lo, hi), unit: UNIT_NAMES[m[3]], start: start, end: start + m[0].length });
    }
    PERCENT_RE.lastIndex = 0;
    while ((m = PERCENT_RE.exec(s))) {
      var v = cnToNumber(m[1]);
      if (!isNaN(v)) out.push({ lo: v, hi: v, unit: "%", start: m.index, end: m.index + m[0].length });
    }
    FRACTION_RE.lastIndex = 0;
    while ((m = FRACTION_RE.exec(s))) {
      var num = m[1] ? +m[1] : cnToNumber(m[4]);
      var den = m[1] ? +m[2] : cnToNumber(m[3]);
      if (den > 0 && !isNaN(num)) {
        var f = Math.round(num / den * 10000) / 10000;
        out.push({ lo: f, hi: f, unit: "/", start: m.index, end: m.index + m[0].length });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- numbering (labels)
  var CN_ORD = "[一二三四五六七八九十百零两]+";
  var LABEL_RE = new RegExp(
    "第(" + CN_ORD + "|\\d+)([章条])(?:\\((" + CN_ORD + ")\\)|第(" + CN_ORD + "|\\d+)[项款])?(?:(\\d+)\\.?)?" +
    "|(" + CN_ORD + ")、(?:\\((" + CN_ORD + ")\\))?(?:(\\d+)\\.?)?" +
    "|\\((" + CN_ORD + ")\\)(?:(\\d+)\\.?)?", "g");

  function toCnOrdinal(s) { return /^\d+$/.test(s) ? numberToCn(+s) : s; }

  /** A clause label in the folded form used for matching: 第十七条(三), 七、(二)3. */
  function labelKey(m) {
    var item = m[3] || (m[4] ? toCnOrdinal(m[4]) : "");
    if (m[1]) return "第" + toCnOrdinal(m[1]) + m[2] + (item ? "(" + item + ")" : "") + (m[5] ? m[5] + "." : "");
    if (m[6]) return m[6] + "、" + (m[7] ? "(" + m[7] + ")" : "") + (m[8] ? m[8] + "." : "");
    return "(" + m[9] + ")" + (m[10] ? m[10] + "." : "");
  }

  // ---------------------------------------------------------------- the index
  var STOP_KINDS = { chapter: 0.7, part: 0.7, sublist: 0.9, preamble: 0.8, closing: 0.6 };
  var DOC_WEIGHT = { "county-test": 0.8 };

  function Index(data) {
    this.docs = data.docs.map(function (d) {
      var f = fold(d[1] + " " + d[2]).s;
      return { id: d[0], short: d[1], title: d[2], level: d[3], f: f, page: "regulations/" + d[0] + ".html" };
    });
    var self = this;
    var total = 0;
    this.clauses = data.clauses.map(function (c, i) {
      var folded = fold(c[5]);
      total += folded.s.length;
      return { i: i, doc: c[0], anchor: c[1], label: c[2], kind: c[3], parent: c[4], text: c[5],
        f: folded.s, map: folded.map, q: quantities(folded.s), lf: fold(c[2]).s };
    });
    this.avgLen = total / Math.max(1, this.clauses.length);
    // headings: a clause with items under it whose own words are few (第三章职责, 二、明确职责任务)
    this.clauses.forEach(function (c) {
      if (c.parent >= 0) self.clauses[c.parent].hasItems = true;
    });
    this.clauses.forEach(function (c) {
      var words = c.f.slice(fold(c.label).s.replace(/\.$/, "").length);
      c.heading = c.hasItems && words.length > 0 && words.length <= 10 ? words : "";
    });
    this.pages = data.pages.map(function (p) {
      return { url: p[0], kind: p[1], title: p[2], tf: fold(p[2]).s, hf: fold(p[3]).s, xf: fold(p[4]).s };
    });
    this.words = Object.create(null);
    var maxWord = 1;
    (data.words || "").split(" ").forEach(function (w) {
      if (w) { self.words[w] = true; maxWord = Math.max(maxWord, w.length); }
    });
    this.synonyms = Object.create(null);
    (data.synonyms || []).forEach(function (group) {
      var folded = group.map(function (w) { return fold(w).s; }).filter(Boolean);
      folded.forEach(function (w) {
        self.synonyms[w] = folded;
        self.words[w] = true;
        maxWord = Math.max(maxWord, w.length);
      });
    });
    this.questions = Object.create(null);
    (data.questions || []).forEach(function (w) {
      var f = fold(w).s;
      if (f) { self.questions[f] = true; maxWord = Math.max(maxWord, f.length); }
    });
    // what a question asks for where the text states only the answer: 什么时候 → 年底, 每季度 …; 级别 → 处级 …
    this.answers = Object.create(null);
    (data.answers || []).forEach(function (entry) {
      var words = entry[1].map(function (w) { return fold(w).s; }).filter(Boolean);
      entry[0].forEach(function (ask) {
        var f = fold(ask).s;
        if (!f || !words.length) return;
        self.answers[f] = words;
        delete self.questions[f];
        maxWord = Math.max(maxWord, f.length);
      });
    });
    this.maxWord = maxWord;
    this.segmenter = null;
    try {
      if (typeof Intl !== "undefined" && Intl.Segmenter) this.segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    } catch (e) { this.segmenter = null; }
  }

  // ---------------------------------------------------------------- query → concepts
  var Q_UNIT_RE = new RegExp("(?:多少|几)" + UNIT.replace("[天日年月周次名人元%岁个遍万]", "[天日年月周次名人元岁个遍万]"));
  var TIME_Q_RE = /^(多久|多长时间|多长)/;
  var PCT_Q_RE = /^(百分之几|百分之多少|百分比|几成)/;
  var MONEY_Q_RE = /^(多少钱|多少经费|几块钱|多少万|几万)/;
  var LITERAL_RE = /^\d+(?:[.+\/:-]\d+)+|^\d{4}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?)?/;

  /** Candidate tokens starting at position i of folded query q. */
  Index.prototype._tokensAt = function (q, i) {
    var out = [], m, rest = q.slice(i);
    LABEL_RE.lastIndex = 0;
    m = LABEL_RE.exec(rest);
    if (m && m.index === 0 && (m[1] || m[7] || m[8] || m[9])) {
      // 七、 alone is a sentence enumeration in speech; only 七、(二) or 第N条 is numbering
      out.push({ len: m[0].length, cost: 0.5, kind: "label", key: labelKey(m), raw: m[0] });
    }
    if ((m = Q_UNIT_RE.exec(rest)) && m.index === 0) {
      out.push({ len: m[0].length, cost: 0.6, kind: "unitq", units: [UNIT_NAMES[m[1]]], raw: m[0] });
    }
    if ((m = TIME_Q_RE.exec(rest))) out.push({ len: m[0].length, cost: 0.6, kind: "unitq", units: ["天", "年", "月", "工作日", "周"], raw: m[0] });
    if ((m = PCT_Q_RE.exec(rest))) out.push({ len: m[0].length, cost: 0.6, kind: "unitq", units: ["%", "/"], raw: m[0] });
    if ((m = MONEY_Q_RE.exec(rest))) out.push({ len: m[0].length, cost: 0.6, kind: "unitq", units: ["元", "万元"], raw: m[0] });
    var qs = quantities(rest);
    for (var k = 0; k < qs.length; k++) {
      if (qs[k].start === 0) out.push({ len: qs[k].end, cost: 0.7, kind: "qty", qty: qs[k], raw: rest.slice(0, qs[k].end) });
    }
    if ((m = LITERAL_RE.exec(rest)) && m[0].length > 1) out.push({ len: m[0].length, cost: 0.8, kind: "literal", raw: m[0] });
    for (var len = Math.min(this.maxWord, rest.length); len >= 2; len--) {
      var w = rest.slice(0, len);
      if (this.answers[w]) out.push({ len: len, cost: 0.9, kind: "answerq", raw: w });
      else if (this.questions[w]) out.push({ len: len, cost: 1, kind: "stop", raw: w });
      else if (this.words[w]) out.push({ len: len, cost: 1, kind: "word", raw: w });
    }
    var ch = rest[0];
    if (this.questions[ch]) out.push({ len: 1, cost: 1, kind: "stop", raw: ch });
    else if (this.words[ch]) out.push({ len: 1, cost: 1, kind: "word", raw: ch });
    else out.push({ len: 1, cost: 1.3, kind: "char", raw: ch });
    if (/\d/.test(ch)) {
      var digits = /^\d+(?:\.\d+)?/.exec(rest)[0];
      out.push({ len: digits.length, cost: 0.9, kind: "literal", raw: digits });
    }
    return out;
  };

  /** Cut one folded chunk (no blanks) into tokens: fewest, best-known pieces (dynamic programming). */
  Index.prototype._segment = function (q) {
    var n = q.length, best = [0], back = [null];
    for (var i = 1; i <= n; i++) best[i] = Infinity;
    for (i = 0; i < n; i++) {
      if (best[i] === Infinity) continue;
      var toks = this._tokensAt(q, i);
      for (var k = 0; k < toks.length; k++) {
        var j = i + toks[k].len, c = best[i] + toks[k].cost;
        if (j <= n && c < best[j] - 1e-9) { best[j] = c; back[j] = { from: i, tok: toks[k] }; }
      }
    }
    var out = [];
    for (var p = n; p > 0; p = back[p].from) out.unshift(back[p].tok);
    return out;
  };

  function bigrams(s) {
    var out = [];
    for (var i = 0; i + 2 <= s.length; i++) out.push(s.slice(i, i + 2));
    return out;
  }

  /** The query as concepts: {kind, raw, variants: [[string, weight]], weight, ...}. */
  Index.prototype.parse = function (query) {
    var self = this;
    // blanks and sentence punctuation separate chunks; 、 stays (七、(二) is numbering)
    // blanks around a number belong to it: 20 天, 第 17 条
    var raw = String(query || "").slice(0, 100).replace(/(\d)[\s\u3000]+(?=[^\s\u3000\d])/g, "$1")
      .replace(/([^\s\u3000\d])[\s\u3000]+(?=\d)/g, "$1");
    var chunks = [];
    raw.split(/[\s\u3000]+/).forEach(function (part) {
      fold(part).s.split(/[,;:!?'"。，；：！？“”‘’《》<>「」【】\[\]{}|\\]+/).forEach(function (c) { chunks.push(c); });
    });
    var tokens = [];
    chunks.forEach(function (chunk) {
      if (!chunk) return;
      var segs = self._segment(chunk);
      // words typed together that the text has exactly so (五带头) count as well as each of their parts
      if (segs.length > 1 && chunk.length >= 3 && /[\u4e00-\u9fff]/.test(chunk) && self._occurs(chunk)) {
        tokens.push({ kind: "phrase", raw: chunk });
      }
      // pieces the word list does not know (single characters, and one-character question words between
      // them): the whole run when the text has it (暖心工程, 三会一课, 冀财行), else its parts
      var run = [];
      var flush = function () {
        if (!run.length) return;
        var whole = run.map(function (t) { return t.raw; }).join("");
        if (whole.length >= 2 && self._occurs(whole)) tokens.push({ kind: "unknown", raw: whole });
        else {
          var part = "";
          run.concat([{ kind: "stop", raw: "" }]).forEach(function (t) {
            if (t.kind === "char") { part += t.raw; return; }
            if (part) self._unknownRun(part).forEach(function (u) { tokens.push(u); });
            part = "";
          });
        }
        run = [];
      };
      segs.forEach(function (t) {
        if (t.kind === "char" && /[、.\-()\/+〔〕\[\]]/.test(t.raw)) { flush(); return; }
        if (t.kind === "char" || (t.kind === "stop" && t.raw.length === 1 && run.length)) { run.push(t); return; }
        if (t.kind === "stop" && t.raw.length === 1) { run.push(t); return; }
        flush();
        if (t.kind !== "stop") tokens.push(t);
      });
      flush();
    });
    var concepts = [], seen = Object.create(null);
    tokens.forEach(function (t) {
      var wordish = t.kind === "phrase" || t.kind === "word" || t.kind === "unknown";
      var key = (wordish ? "w" : t.kind) + ":" + (t.key || t.raw) + (t.units ? t.units.join() : "");
      if (seen[key]) return;
      seen[key] = true;
      concepts.push(self._concept(t));
    });
    return concepts;
  };

  /** Whether a clause's text contains `s` (folded), cached. */
  Index.prototype._occurs = function (s) {
    if (!this._occurCache) this._occurCache = Object.create(null);
    if (s in this._occurCache) return this._occurCache[s];
    var found = false;
    for (var i = 0; i < this.clauses.length && !found; i++) found = this.clauses[i].f.indexOf(s) >= 0;
    this._occurCache[s] = found;
    return found;
  };

  Index.prototype._unknownRun = function (run) {
    // an unknown run: the browser's word segmentation where it has one, else the run itself
    var pieces = [];
    if (this.segmenter && run.length > 1) {
      var it = this.segmenter.segment(run);
      var arr = Array.from ? Array.from(it) : [];
      arr.forEach(function (s) { if (s.isWordLike !== false && s.segment.trim()) pieces.push(s.segment); });
    }
    if (!pieces.length) pieces = [run];
    var self = this;
    return pieces.filter(function (p) { return !self.questions[p]; }).map(function (p) {
      return { kind: p.length === 1 ? "char" : "unknown", raw: p };
    });
  };

  Index.prototype._concept = function (t) {
    var c = { kind: t.kind, raw: t.raw, weight: 1, variants: [] };
    if (t.kind === "label") {
      c.key = t.key;
      c.weight = 3;
      c.variants = [[t.key, 1]];
      if (t.raw !== t.key) c.variants.push([t.raw, 1]);
    } else if (t.kind === "qty") {
      c.qty = t.qty;
      c.weight = 1.6;
      c.variants = [[t.raw, 1]];
    } else if (t.kind === "unitq") {
      c.units = t.units;
      c.weight = 0.7;
    } else if (t.kind === "answerq") {
      c.weight = 0.7;
      c.variants = [[t.raw, 1]].concat(this.answers[t.raw].map(function (w) { return [w, 0.8]; }));
    } else if (t.kind === "literal") {
      c.weight = 1.5;
      c.variants = [[t.raw, 1]];
    } else {
      var group = this.synonyms[t.raw];
      c.variants = [[t.raw, 1]];
      if (group) group.forEach(function (w) { if (w !== t.raw) c.variants.push([w, 0.8]); });
      if (t.kind === "char") c.weight = 0.35;
      if (t.kind === "phrase") c.weight = 0.8;
    }
    return c;
  };

  // ---------------------------------------------------------------- matching
  function findAll(hay, needle, out, weight) {
    if (!needle) return;
    var digitStart = /^\d/.test(needle), from = 0, at;
    while ((at = hay.indexOf(needle, from)) >= 0) {
      from = at + 1;
      if (digitStart && at > 0 && /[\d.]/.test(hay[at - 1])) continue;
      if (/\d$/.test(needle) && /\d/.test(hay[at + needle.length] || "")) continue;
      out.push([at, at + needle.length, weight]);
    }
  }

  function qtyMatches(cq, q) {
    if (cq.unit !== q.unit) return 0;
    if (cq.lo === q.lo && cq.hi === q.hi) return 1;
    if (cq.lo === cq.hi && q.lo <= cq.lo && cq.lo <= q.hi) return 0.75;   // 3天 inside 3—7天
    return 0;
  }

  /** Hits of one concept in one folded string; for quantities also the clause's parsed quantities. */
  function hitsIn(concept, f, qs) {
    var out = [];
    if (concept.kind === "qty") {
      for (var i = 0; i < qs.length; i++) {
        var w = qtyMatches(concept.qty, qs[i]);
        if (w) out.push([qs[i].start, qs[i].end, w]);
      }
      if (!out.length) findAll(f, concept.variants[0][0], out, 0.9);
      return out;
    }
    if (concept.kind === "unitq") {
      for (var j = 0; j < qs.length; j++) {
        if (concept.units.indexOf(qs[j].unit) >= 0) out.push([qs[j].start, qs[j].end, 0.6]);
      }
      return out;
    }
    for (var k = 0; k < concept.variants.length; k++) findAll(f, concept.variants[k][0], out, concept.variants[k][1]);
    return out;
  }

  function mergeHits(hits) {
    hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = [];
    hits.forEach(function (h) {
      var last = out[out.length - 1];
      if (last && h[0] < last[1]) { if (h[1] > last[1]) last[1] = h[1]; last[2] = Math.max(last[2], h[2]); }
      else out.push(h.slice());
    });
    return out;
  }

  // ---------------------------------------------------------------- ranking
  var K1 = 1.2, B = 0.45;

  Index.prototype.search = function (query, options) {
    options = options || {};
    var limit = options.limit || 20;
    var concepts = this.parse(query);
    var result = { concepts: concepts, clauses: [], tools: [], pages: [] };
    if (!concepts.length) return result;
    var N = this.clauses.length, self = this;
    // own-text hits per concept; unknown words with no hit at all fall back to their bigrams
    var own = [];
    var expanded = [];
    concepts.forEach(function (c) {
      var per = self._ownHits(c);
      if (c.kind === "unknown" && per.count === 0 && c.raw.length > 2) {
        bigrams(c.raw).forEach(function (bg) {
          var bc = { kind: "bigram", raw: bg, weight: 1 / Math.max(1, c.raw.length - 1) + 0.2, variants: [[bg, 1]] };
          expanded.push(bc);
          own.push(self._ownHits(bc));
        });
        return;
      }
      expanded.push(c);
      own.push(per);
    });
    concepts = expanded;
    var idf = own.map(function (per) { return Math.log(1 + (N - per.count + 0.5) / (per.count + 0.5)); });
    var totalWeight = 0;
    concepts.forEach(function (c, k) { totalWeight += c.weight * idf[k]; });
    var scored = [];
    for (var i = 0; i < N; i++) {
      var cl = this.clauses[i];
      var score = 0, covered = 0;
      var lenNorm = 1 - B + B * cl.f.length / this.avgLen;
      for (var k = 0; k < concepts.length; k++) {
        var c = concepts[k], hits = own[k].by[i], part = 0;
        if (hits) {
          var tf = 0;
          hits.forEach(function (h) { tf += h[2]; });
          part = tf * (K1 + 1) / (tf + K1 * lenNorm);
          if (c.kind === "label") {
            if (cl.lf === c.key) part += 3;
            else if (cl.lf.indexOf(c.key) === 0) part += 1.5;
          }
        } else {
          // the concept in a parent clause (第十七条驻村干部请销假… above its items) or in the document's name
          for (var p = cl.parent; p >= 0; p = this.clauses[p].parent) {
            if (own[k].by[p]) { part = 0.5; break; }
          }
          if (!part && c.kind !== "unitq" && c.kind !== "answerq" && c.kind !== "qty" && c.kind !== "label") {
            var doc = this.docs[cl.doc];
            for (var v = 0; v < (c.variants || []).length; v++) {
              if (doc.f.indexOf(c.variants[v][0]) >= 0) { part = 0.4; break; }
            }
          }
        }
        if (part) {
          score += c.weight * idf[k] * part;
          covered += c.weight * idf[k];
        }
      }
      if (!score) continue;
      var coverage = totalWeight ? covered / totalWeight : 1;
      score *= 0.15 + 0.85 * coverage * coverage;
      // a heading that is mostly the query's own words (not synonyms) is where the topic starts (第三章职责 for 职责)
      var headingHit = false;
      if (cl.heading) {
        var inHeading = 0, start = cl.f.length - cl.heading.length;
        for (var h = 0; h < concepts.length; h++) {
          (own[h].by[i] || []).forEach(function (x) { if (x[0] >= start && x[2] >= 1) inHeading += x[1] - x[0]; });
        }
        headingHit = inHeading >= cl.heading.length / 2;
      }
      score *= headingHit ? 1.4 : (STOP_KINDS[cl.kind] || 1);
      score *= DOC_WEIGHT[this.docs[cl.doc].id] || 1;
      scored.push({ i: i, score: score, coverage: coverage });
    }
    scored.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    var top = scored.length ? scored[0].score : 0;
    result.clauses = scored.filter(function (s) { return s.score >= top * 0.08; }).slice(0, limit).map(function (s) {
      return self._result(s, concepts, own, idf);
    });
    result.total = scored.length;
    var pageHits = this._pages(concepts, idf);
    result.tools = pageHits.filter(function (p) { return p.kind !== "page"; }).slice(0, 4);
    result.pages = pageHits.filter(function (p) { return p.kind === "page"; }).slice(0, 3);
    return result;
  };

  Index.prototype._ownHits = function (concept) {
    var by = Object.create(null), count = 0;
    for (var i = 0; i < this.clauses.length; i++) {
      var cl = this.clauses[i];
      var hits = hitsIn(concept, cl.f, cl.q);
      if (concept.kind === "label" && !hits.length && cl.lf.indexOf(concept.key) === 0) hits = [[0, 0, 0.5]];
      if (hits.length) { by[i] = hits; count++; }
    }
    return { by: by, count: count };
  };

  Index.prototype._pages = function (concepts, idf) {
    // pages are matched on words only: a tool's title says 请假审批, not 3天
    var out = [], totalWeight = 0;
    var words = concepts.filter(function (c, k) {
      if (c.kind === "unitq" || c.kind === "answerq" || c.kind === "label" || c.kind === "qty" || c.kind === "literal") return false;
      totalWeight += c.weight * idf[k];
      return true;
    });
    if (!words.length) return out;
    this.pages.forEach(function (pg) {
      var score = 0, covered = 0;
      concepts.forEach(function (c, k) {
        if (words.indexOf(c) < 0) return;
        var best = 0;
        [[pg.tf, 3], [pg.hf, 1.5], [pg.xf, 1]].forEach(function (field) {
          if (best < field[1] && hitsIn(c, field[0], []).length) best = field[1];
        });
        if (best) { score += best * c.weight * idf[k]; covered += c.weight * idf[k]; }
      });
      if (score && totalWeight && covered / totalWeight >= 0.5) out.push({ url: pg.url, kind: pg.kind, title: pg.title, score: score * covered / totalWeight });
    });
    out.sort(function (a, b) { return b.score - a.score; });
    return out;
  };

  var SENTENCE_END = /[。；;！？!?]/;

  /** Title, link and snippet of one clause hit; marks are [start, end) in the snippet text. */
  Index.prototype._result = function (s, concepts, own, idf) {
    var cl = this.clauses[s.i], doc = this.docs[cl.doc];
    var hits = [];
    var perConcept = [];   // [original start, original end, concept weight] for choosing the sentence
    concepts.forEach(function (c, k) {
      var h = own[k].by[s.i];
      if (h) h.forEach(function (x) {
        if (x[1] <= x[0]) return;
        hits.push(x);
        perConcept.push([cl.map[x[0]], cl.map[x[1] - 1] + 1, c.weight * idf[k], k]);
      });
    });
    hits = mergeHits(hits).map(function (h) { return [cl.map[h[0]], cl.map[h[1] - 1] + 1, h[2]]; });
    // the sentence with the most hit weight
    var text = cl.text, sentences = [], start = 0;
    for (var i = 0; i < text.length; i++) {
      if (SENTENCE_END.test(text[i]) || i === text.length - 1) { sentences.push([start, i + 1]); start = i + 1; }
    }
    if (!sentences.length) sentences.push([0, text.length]);
    var best = sentences[0], bestW = -1;
    // the sentence that holds the most of the query (each concept counted once), then the most hits
    sentences.forEach(function (sn) {
      var w = 0, seen = {};
      perConcept.forEach(function (h) {
        if (h[0] >= sn[0] && h[1] <= sn[1]) { w += 0.1; if (!seen[h[3]]) { seen[h[3]] = true; w += h[2]; } }
      });
      if (w > bestW) { bestW = w; best = sn; }
    });
    var from = best[0], to = best[1], MAX = 90;
    if (to - from > MAX) {
      var first = hits.filter(function (h) { return h[0] >= from && h[1] <= to; })[0];
      var centre = first ? first[0] : from;
      from = Math.max(from, centre - 24);
      to = Math.min(to, from + MAX);
    }
    var snippet = text.slice(from, to).trim();
    var lead = text.slice(from, to).indexOf(snippet);
    var marks = hits.filter(function (h) { return h[0] >= from + lead && h[1] <= from + lead + snippet.length; })
      .map(function (h) { return [h[0] - from - lead, h[1] - from - lead]; });
    var terms = [];
    hits.forEach(function (h) {
      var t = text.slice(h[0], h[1]);
      if (t && terms.indexOf(t) < 0 && terms.length < 6) terms.push(t);
    });
    return {
      doc: doc.id, short: doc.short, label: cl.label, anchor: cl.anchor, kind: cl.kind,
      title: doc.short + " " + cl.label, page: doc.page, snippet: snippet, marks: marks, terms: terms,
      cut: { before: from + lead > best[0], after: from + lead + snippet.length < best[1] - 1 },
      score: s.score, coverage: s.coverage
    };
  };

  return {
    Index: Index, fold: fold, quantities: quantities, cnToNumber: cnToNumber, numberToCn: numberToCn,
    load: function (data) { return new Index(data); }
  };
});
