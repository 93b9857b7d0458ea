/* 培训班 codes, pure (no DOM): the 试卷码 that fully determines a paper and the 成绩码 a trainee hands in.

   试卷码: Crockford base32 (0-9 A-Z without I L O U; typed O/I/L are read as 0/1/1), a payload of
   MSB-first bit fields, then one check character: the sum over GF(32) of α^(i+1)·c_i, which catches
   every single wrong character and every swap of two neighbours. Fields (bits):
     format 2 (0 县卷格式, 1 自选; 2-3 reserved for later formats), [自选: all-documents flag 1,
     all-topics flag 1], bank version 15, minutes index 3, per-trainee shuffle 1, county paper's
     unverified items 10 (bit i = the i-th item of the bank's 原卷（待核实） set), seed 14,
     [自选: documents 16 (unless all), topics 20 (unless all), importance 3 (必知 应知 了解), counts 5×3
     (填空 单选 多选)], zero padding to a whole character.
   The first character alone gives the expected length, so a truncated code is told as such.

   成绩码: one line of text, "驻村成绩|<试卷码>|<name>|<answer 1>|…|<answer n>|<check>", answers in the
   paper's own order (not the trainee's shuffled order): choice letters ("AC", "" when unanswered) or the
   blanks joined by "~"; "|", "~" and line breaks typed by the trainee become "｜", "～" and a space
   (grading ignores punctuation). The check is 20 bits of FNV-1a over everything before it: it catches
   a damaged or shortened code, it is not a seal against someone editing answers on purpose.

   Browser: window.TrainingCode; Node: module.exports (tests/training/). */
(function (root) {
  "use strict";
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var MINUTES = [10, 15, 20, 30, 45, 60, 90, 120];
  var IMPORTANCE = ["必知", "应知", "了解"];
  var SECTIONS = ["填空", "单选", "多选"];
  var WIDTH = { version: 15, minutes: 3, pending: 10, seed: 14, docs: 16, topics: 20, count: 5 };
  var MAX_COUNT = 31, RESULT_PREFIX = "驻村成绩";

  /* ---- GF(32), primitive polynomial x^5 + x^2 + 1 ---- */
  var EXP = [], LOG = [];
  (function () {
    var x = 1;
    for (var i = 0; i < 31; i++) { EXP[i] = x; LOG[x] = i; x <<= 1; if (x & 32) x ^= 0x25; }
  })();
  function gmul(a, b) { return a && b ? EXP[(LOG[a] + LOG[b]) % 31] : 0; }
  function checkValue(values) {
    var s = 0;
    for (var i = 0; i < values.length; i++) s ^= gmul(EXP[(i + 1) % 31], values[i]);
    return s;
  }

  function bitsOfFormat(fmt, allDocs, allTopics) {
    var n = 2 + WIDTH.version + WIDTH.minutes + 1 + WIDTH.pending + WIDTH.seed;
    if (fmt === 1) n += 2 + (allDocs ? 0 : WIDTH.docs) + (allTopics ? 0 : WIDTH.topics) + 3 + 3 * WIDTH.count;
    return n;
  }
  /* payload characters expected from the first character's value; null for a format this copy does not know */
  function expectedPayload(first) {
    var fmt = first >> 3;
    if (fmt > 1) return null;
    return Math.ceil(bitsOfFormat(fmt, !!(first & 4), !!(first & 2)) / 5);
  }

  function Writer() { this.bits = []; }
  Writer.prototype.put = function (value, width) {
    for (var i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / Math.pow(2, i)) % 2);
  };
  Writer.prototype.chars = function () {
    while (this.bits.length % 5) this.bits.push(0);
    var out = [];
    for (var i = 0; i < this.bits.length; i += 5) {
      out.push((this.bits[i] << 4) | (this.bits[i + 1] << 3) | (this.bits[i + 2] << 2) | (this.bits[i + 3] << 1) | this.bits[i + 4]);
    }
    return out;
  };
  function Reader(values) {
    this.bits = [];
    for (var i = 0; i < values.length; i++) for (var b = 4; b >= 0; b--) this.bits.push((values[i] >> b) & 1);
    this.pos = 0;
  }
  Reader.prototype.get = function (width) {
    var v = 0;
    for (var i = 0; i < width; i++) v = v * 2 + (this.bits[this.pos++] || 0);
    return v;
  };

  function fail(kind, message) { return { ok: false, kind: kind, message: message }; }
  function versionLabel(v) { return ALPHABET[(v >> 10) & 31] + ALPHABET[(v >> 5) & 31] + ALPHABET[v & 31]; }
  function group(code) { return code.replace(/(.{5})(?=.)/g, "$1-"); }

  function maskOf(list) { return list.reduce(function (m, i) { return m + Math.pow(2, i); }, 0); }
  function listOf(mask, width) {
    var out = [];
    for (var i = 0; i < width; i++) if (Math.floor(mask / Math.pow(2, i)) % 2) out.push(i);
    return out;
  }
  function checkInt(name, v, max) {
    if (typeof v !== "number" || v !== Math.floor(v) || v < 0 || v > max) throw new RangeError(name + " out of range: " + v);
  }

  /* spec: {format: "county"|"custom", version, minutes, shuffle, pending: [index…], seed,
            docs: null|[index…], topics: null|[index…], importance: [index…], counts: [填空, 单选, 多选]} */
  function encodePaper(spec) {
    var custom = spec.format === "custom";
    var allDocs = custom && !spec.docs, allTopics = custom && !spec.topics;
    var minutes = MINUTES.indexOf(spec.minutes);
    if (minutes < 0) throw new RangeError("minutes not offered: " + spec.minutes);
    checkInt("version", spec.version, 32767);
    checkInt("seed", spec.seed, 16383);
    var w = new Writer();
    w.put(custom ? 1 : 0, 2);
    if (custom) { w.put(allDocs ? 1 : 0, 1); w.put(allTopics ? 1 : 0, 1); }
    w.put(spec.version, WIDTH.version);
    w.put(minutes, WIDTH.minutes);
    w.put(spec.shuffle ? 1 : 0, 1);
    (spec.pending || []).forEach(function (i) { checkInt("pending item", i, WIDTH.pending - 1); });
    w.put(maskOf(spec.pending || []), WIDTH.pending);
    w.put(spec.seed, WIDTH.seed);
    if (custom) {
      if (!allDocs) { spec.docs.forEach(function (i) { checkInt("document", i, WIDTH.docs - 1); }); w.put(maskOf(spec.docs), WIDTH.docs); }
      if (!allTopics) { spec.topics.forEach(function (i) { checkInt("topic", i, WIDTH.topics - 1); }); w.put(maskOf(spec.topics), WIDTH.topics); }
      w.put(maskOf(spec.importance || []), 3);
      SECTIONS.forEach(function (s, k) { checkInt("count", spec.counts[k], MAX_COUNT); w.put(spec.counts[k], WIDTH.count); });
    }
    var values = w.chars();
    values.push(checkValue(values));
    return values.map(function (v) { return ALPHABET[v]; }).join("");
  }

  /* typed or scanned text -> the code's characters, or a refusal naming the character */
  function clean(text) {
    var raw = String(text == null ? "" : text);
    if (raw.indexOf(RESULT_PREFIX + "|") >= 0) return fail("result", "这是一份成绩码（交卷后给老师的），不是试卷码。请输入或扫描老师投影的试卷码。");
    var s = raw.replace(/[０-９Ａ-Ｚａ-ｚ]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .toUpperCase().replace(/[\s\-－—_·.。]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
    for (var i = 0; i < s.length; i++) {
      if (ALPHABET.indexOf(s[i]) < 0) {
        return fail("char", "试卷码里不应有“" + s[i] + "”。试卷码只由数字和英文字母组成（没有 I、L、O、U），请对照老师给的试卷码重新输入。");
      }
    }
    return { ok: true, code: s };
  }

  /* -> {ok: true, code, spec} or {ok: false, kind, message (Chinese)}; bankVersion: this copy's bank */
  function decodePaper(text, bankVersion) {
    var c = clean(text);
    if (!c.ok) return c;
    var code = c.code;
    if (!code) return fail("empty", "请先输入试卷码。");
    var values = code.split("").map(function (ch) { return ALPHABET.indexOf(ch); });
    var expected = expectedPayload(values[0]);
    var sumOk = values.length > 1 && checkValue(values.slice(0, -1)) === values[values.length - 1];
    if (expected === null) {
      return sumOk ? fail("format", "这份试卷码由更新版本的本站生成，本机的副本还认不出。请更新离线副本或刷新网页后再试。")
        : fail("typo", "试卷码有输错的地方（校验位对不上）。请逐位对照老师给的试卷码重新输入。");
    }
    var want = expected + 1;
    if (values.length < want) return fail("short", "试卷码不完整：少了 " + (want - values.length) + " 位（应为 " + want + " 位）。请对照老师给的试卷码补全。");
    if (values.length > want) return fail("long", "试卷码多了 " + (values.length - want) + " 位（应为 " + want + " 位）。请对照老师给的试卷码重新输入。");
    if (!sumOk) return fail("typo", "试卷码有输错的地方（校验位对不上）。请逐位对照老师给的试卷码重新输入，常见的是 8 和 B、2 和 Z、5 和 S 看混。");
    var r = new Reader(values.slice(0, -1));
    var fmt = r.get(2), custom = fmt === 1, allDocs = false, allTopics = false;
    if (custom) { allDocs = !!r.get(1); allTopics = !!r.get(1); }
    var spec = { format: custom ? "custom" : "county" };
    spec.version = r.get(WIDTH.version);
    spec.minutes = MINUTES[r.get(WIDTH.minutes)];
    spec.shuffle = !!r.get(1);
    spec.pending = listOf(r.get(WIDTH.pending), WIDTH.pending);
    spec.seed = r.get(WIDTH.seed);
    if (custom) {
      spec.docs = allDocs ? null : listOf(r.get(WIDTH.docs), WIDTH.docs);
      spec.topics = allTopics ? null : listOf(r.get(WIDTH.topics), WIDTH.topics);
      spec.importance = listOf(r.get(3), 3);
      spec.counts = SECTIONS.map(function () { return r.get(WIDTH.count); });
    }
    if (bankVersion != null && spec.version !== bankVersion) {
      return fail("version", "这份试卷码来自另一版本的题库（试卷码的题库版本 " + versionLabel(spec.version) + "，本机是 " +
        versionLabel(bankVersion) + "），两边抽出的题会不一样。老师和学员要用同一版本：请更新本机的离线副本（向老师要最新的离线包）或刷新网页后再打开。");
    }
    return { ok: true, code: code, spec: spec };
  }

  /* ---- 成绩码 ---- */
  function fnv20(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    h = (h ^ (h >>> 20)) & 0xFFFFF;
    return ALPHABET[(h >> 15) & 31] + ALPHABET[(h >> 10) & 31] + ALPHABET[(h >> 5) & 31] + ALPHABET[h & 31];
  }
  function cleanText(s, max) {
    return String(s == null ? "" : s).replace(/\|/g, "｜").replace(/~/g, "～").replace(/[\r\n\t\u2028\u2029]+/g, " ").trim().slice(0, max);
  }
  function cleanName(s) { return cleanText(s, 20); }

  /* answers: per question in paper order, an array of letters (choices) or of blank texts */
  function encodeResult(paperCode, name, answers, kinds) {
    var parts = answers.map(function (a, i) {
      a = a || [];
      if (kinds[i] === "填空") return a.map(function (x) { return cleanText(x, 40); }).join("~");
      return a.map(String).filter(function (l) { return /^[A-F]$/.test(l); }).sort().join("");
    });
    var body = [RESULT_PREFIX, paperCode, cleanName(name)].concat(parts).join("|");
    return body + "|" + fnv20(body);
  }

  /* all 成绩码 in a text (a chat paste may hold several, one per line) */
  function findResults(text) {
    return String(text == null ? "" : text).split(/[\r\n]+/).map(function (line) {
      var k = line.indexOf(RESULT_PREFIX + "|");
      return k >= 0 ? line.slice(k).trim() : null;
    }).filter(Boolean);
  }

  /* -> {ok, paperCode, name, answers: [[...]…], text} or a refusal. kinds: the paper's sections, in order */
  function decodeResult(text, kinds) {
    var s = String(text == null ? "" : text).trim();
    if (s.indexOf(RESULT_PREFIX + "|") !== 0) return fail("notresult", "这不是成绩码：成绩码以“" + RESULT_PREFIX + "|”开头。");
    var k = s.lastIndexOf("|");
    var body = s.slice(0, k), sum = s.slice(k + 1).toUpperCase();
    if (!/^[0-9A-Z]{4}$/.test(sum) || fnv20(body) !== sum) {
      return fail("damaged", "这份成绩码不完整或被改动过（校验不符），没有计入。请让学员重新发送，或重新扫描他的二维码。");
    }
    var parts = body.split("|");
    var out = { ok: true, paperCode: parts[1], name: parts[2], text: s };
    if (!out.name) return fail("damaged", "这份成绩码没有姓名，没有计入。");
    var answers = parts.slice(3);
    if (kinds && answers.length !== kinds.length) {
      return fail("count", "这份成绩码有 " + answers.length + " 道题的作答，本场试卷是 " + kinds.length + " 道，没有计入。请确认学员做的是本场试卷。");
    }
    out.answers = answers.map(function (a, i) {
      if (kinds && kinds[i] === "填空") return a.split("~");
      return a ? a.split("") : [];
    });
    return out;
  }

  var api = {
    ALPHABET: ALPHABET, MINUTES: MINUTES, IMPORTANCE: IMPORTANCE, SECTIONS: SECTIONS, WIDTH: WIDTH, MAX_COUNT: MAX_COUNT,
    encodePaper: encodePaper, decodePaper: decodePaper, versionLabel: versionLabel, group: group,
    encodeResult: encodeResult, decodeResult: decodeResult, findResults: findResults, cleanName: cleanName
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TrainingCode = api;
})(typeof window !== "undefined" ? window : this);
