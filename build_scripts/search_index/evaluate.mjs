// Run the site's search engine (docs/assets/search/engine.js) under Node against a built index.
// usage: node evaluate.mjs <engine.js> <search/index.js> <queries.json>
// queries.json: ["query", ...]; prints JSON: [{query, clauses: ["doc#anchor", ...], tools: [url, ...], ms}]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";

const [enginePath, indexPath, queriesPath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const engine = require(enginePath);
const sandbox = { globalThis: {} };
vm.runInNewContext(readFileSync(indexPath, "utf8"), sandbox);
const data = sandbox.globalThis.zhucunSearchIndex;
const t0 = performance.now();
const index = engine.load(data);
const loadMs = performance.now() - t0;
const queries = JSON.parse(readFileSync(queriesPath, "utf8"));
const out = queries.map((query) => {
  const start = performance.now();
  const r = index.search(query, { limit: 10 });
  const ms = performance.now() - start;
  return {
    query,
    ms,
    clauses: r.clauses.map((c) => `${c.doc}#${c.anchor}`),
    snippets: r.clauses.slice(0, 3).map((c) => c.snippet),
    tools: r.tools.map((t) => t.url),
    concepts: r.concepts.map((c) => `${c.kind}:${c.key || c.raw}${c.units ? "/" + c.units.join("") : ""}`),
  };
});
process.stdout.write(JSON.stringify({ loadMs, results: out }));
