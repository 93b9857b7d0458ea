// Run by tests/training/test_code.py under node: every case prints one JSON line.
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const T = require(process.argv[2]);
const out = {};
const V = 12345;
const county = { format: "county", version: V, minutes: 20, shuffle: false, pending: [0, 3], seed: 4321 };
const custom = { format: "custom", version: V, minutes: 45, shuffle: true, pending: [], seed: 16383,
  docs: [1, 4, 12], topics: null, importance: [0, 1], counts: [3, 0, 31] };
const allCustom = { ...custom, docs: null, topics: [0, 15, 19] };
const c1 = T.encodePaper(county), c2 = T.encodePaper(custom), c3 = T.encodePaper(allCustom);
out.codes = [c1, c2, c3];
out.round = [c1, c2, c3].map((c) => T.decodePaper(c, V));
out.grouped = T.decodePaper(T.group(c1).toLowerCase().replace(/0/g, "o").replace(/1/g, "l"), V);
// every single-character substitution and every neighbour swap of c1 and c2 is refused
let missed = [];
for (const code of [c1, c2, c3]) {
  for (let i = 0; i < code.length; i++) {
    for (const ch of T.ALPHABET) {
      if (ch === code[i]) continue;
      const bad = code.slice(0, i) + ch + code.slice(i + 1);
      if (T.decodePaper(bad, V).ok) missed.push(bad);
    }
    if (i + 1 < code.length && code[i] !== code[i + 1]) {
      const sw = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      if (T.decodePaper(sw, V).ok) missed.push(sw);
    }
  }
}
out.missed = missed;
out.short = T.decodePaper(c1.slice(0, -2), V);
out.long = T.decodePaper(c1 + "7", V);
out.typo = T.decodePaper(c1.slice(0, 4) + (c1[4] === "7" ? "8" : "7") + c1.slice(5), V);
out.other = T.decodePaper(c1, V + 1);
out.char = T.decodePaper(c1.slice(0, 3) + "U" + c1.slice(4), V);
out.empty = T.decodePaper("  ", V);
out.fullwidth = T.decodePaper(c1.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xFEE0)).replace(/０/g, "ｏ"), V);
const kinds = ["填空", "单选", "多选"];
const r = T.encodeResult(c1, " 张|三\n", [["二十", "每天|都~"], ["B"], ["C", "A", "Z"]], kinds);
out.result = r;
out.resultBack = T.decodeResult(r, kinds);
out.resultCut = T.decodeResult(r.slice(0, -3), kinds);
out.resultEdited = T.decodeResult(r.replace("|B|", "|C|"), kinds);
out.resultCount = T.decodeResult(r, ["填空", "单选"]);
out.notResult = T.decodeResult(c1, kinds);
out.resultAsPaper = T.decodePaper(r, V);
out.found = T.findResults("老师好\n" + r + "\n谢谢\n  " + r);
let thrown = [];
for (const bad of [{ ...county, minutes: 25 }, { ...county, seed: 16384 }, { ...county, pending: [10] }, { ...custom, counts: [32, 0, 0] }]) {
  try { T.encodePaper(bad); } catch (e) { thrown.push(e.name); }
}
out.thrown = thrown;
console.log(JSON.stringify(out));
