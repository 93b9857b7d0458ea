// Service worker of the installable site, generated at build time (build_scripts/pwa/).
//
// It keeps what a visit uses, nothing more:
//  * every file it serves is looked up in FILES (path -> [content hash, bytes]) of this build; a cached copy
//    is stored under "path?sw-hash=<hash>", so a new build reuses every unchanged file (the 9.6 MB wasm is
//    never downloaded again because a page changed);
//  * a response from the network is passed to the page as it streams and, when its bytes hash to the
//    expected value, stored from that same download (Pyodide's runtime is cached by the calculator's own load);
//    while a file is being downloaded or stored, another request for it waits for that copy instead of
//    downloading it again (a second calculator page opened before the first one's wasm was stored);
//  * the first visit (before the worker controls the page) is kept from the browser's HTTP cache only
//    ("only-if-cached": never a network byte);
//  * "离线使用本站" (the offline page) asks for the whole site, with progress, only when the user chooses it;
//  * a new build installs beside the old one, fetching only changed files the user already had; if one
//    cannot be fetched the install fails and the old version keeps serving; it waits for the update banner.
const VERSION = "__VERSION__";
const PREFIX = "__PREFIX__";
const FILES = __FILES__;

const STORE = PREFIX + "files";
const META = PREFIX + "meta";
const CHOICE_KEY = "offline-all";
const BASE = new URL("./", self.location);
const FALLBACK = "404.html";
const UNASKED_MAX = 1024 * 1024; // bytes an update may fetch per file without the user's offline choice

function pathOf(url) {
  const u = new URL(url);
  if (u.origin !== BASE.origin || !u.pathname.startsWith(BASE.pathname)) return null;
  let path = decodeURIComponent(u.pathname.slice(BASE.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return Object.prototype.hasOwnProperty.call(FILES, path) ? path : null;
}

function keyOf(path) {
  return new URL(path, BASE).href.replace(/\?.*$/, "") + "?sw-hash=" + FILES[path][0];
}

async function hashOf(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

// Store a response body under its path if it is this build's file (checked by hash); true when stored.
async function keep(path, response) {
  if (!response || response.status !== 200) return false;
  const body = await response.arrayBuffer();
  if ((await hashOf(body)) !== FILES[path][0]) return false;
  const type = response.headers.get("Content-Type");
  const stored = new Response(body, { status: 200, headers: type ? { "Content-Type": type } : {} });
  await (await caches.open(STORE)).put(keyOf(path), stored);
  return true;
}

async function cached(path) {
  return (await caches.open(STORE)).match(keyOf(path));
}

async function chosenOfflineAll() {
  return !!(await (await caches.open(META)).match(CHOICE_KEY));
}

// Paths this cache holds in some version (any hash), and the keys of this build it already has.
async function holdings() {
  const cache = await caches.open(STORE);
  const paths = new Set();
  const current = new Set();
  for (const req of await cache.keys()) {
    const u = new URL(req.url);
    const path = decodeURIComponent(u.pathname.slice(BASE.pathname.length));
    paths.add(path);
    if (FILES[path] && u.searchParams.get("sw-hash") === FILES[path][0]) current.add(path);
  }
  return { paths, current };
}

// Fetch one file of this build from the network, reporting bytes; throws when it cannot be had intact.
async function download(path, onBytes) {
  const response = await fetch(new URL(path, BASE).href, { cache: "no-cache" });
  if (response.status !== 200) throw new Error(path + ": HTTP " + response.status);
  const type = response.headers.get("Content-Type");
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (onBytes) onBytes(value.byteLength);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { body.set(c, at); at += c.byteLength; }
  if (!(await keep(path, new Response(body, { status: 200, headers: type ? { "Content-Type": type } : {} })))) {
    throw new Error(path + ": content differs from this version");
  }
}

// Copy files whose bytes are unchanged from an older worker's cache (the precache-everything version).
async function adoptOldCaches() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === STORE || name === META) continue;
    const old = await caches.open(name);
    for (const req of await old.keys()) {
      const path = pathOf(req.url);
      if (path && !(await cached(path))) await keep(path, await old.match(req)).catch(() => false);
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await adoptOldCaches();
    // An update: bring the changed version of each file the user already had (every file after
    // "离线使用本站"; without that choice, only small ones: a large file comes on its next use, never as a
    // silent download); any failure fails the install, and the old worker stays in charge.
    const { paths, current } = await holdings();
    const all = await chosenOfflineAll();
    const wanted = Object.keys(FILES).filter((p) => !current.has(p) &&
      (all || (paths.has(p) && FILES[p][1] <= UNASKED_MAX)));
    for (const path of wanted) await download(path);
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== STORE && name !== META) await caches.delete(name);
    }
    const cache = await caches.open(STORE);
    for (const req of await cache.keys()) {
      const u = new URL(req.url);
      const path = decodeURIComponent(u.pathname.slice(BASE.pathname.length));
      if (!FILES[path] || u.searchParams.get("sw-hash") !== FILES[path][0]) await cache.delete(req);
    }
    await self.clients.claim();
  })());
});

// Files being downloaded or stored now: path -> a promise settled once that copy is stored (or not).
// A request for such a file waits for it and is then answered from the cache: one download per file.
const inFlight = new Map();

function track(path, promise) {
  const done = promise.catch(() => false);
  inFlight.set(path, done);
  done.then(() => { if (inFlight.get(path) === done) inFlight.delete(path); });
  return done;
}

// What the page loaded before this worker controlled it: kept from the HTTP cache, never the network.
async function keepFromHttpCache(urls) {
  for (const url of urls) {
    const path = pathOf(url);
    if (!path || inFlight.has(path) || (await cached(path))) continue;
    await track(path, (async () => {
      const response = await fetch(new URL(path, BASE).href, { cache: "only-if-cached", mode: "same-origin" });
      return keep(path, response);
    })()); // not in the HTTP cache: it will be kept on its next use
  }
}

async function status() {
  const { current } = await holdings();
  let total = 0;
  let missing = 0;
  for (const [path, [, size]] of Object.entries(FILES)) {
    total += size;
    if (!current.has(path)) missing += size;
  }
  return { type: "offline-status", version: VERSION, chosen: await chosenOfflineAll(), total, missing,
           files: Object.keys(FILES).length, have: current.size };
}

let offlineAllRun = null;

async function offlineAll(tell) {
  await (await caches.open(META)).put(CHOICE_KEY, new Response(new Date().toISOString()));
  const { current } = await holdings();
  const todo = Object.keys(FILES).filter((p) => !current.has(p));
  const need = todo.reduce((n, p) => n + FILES[p][1], 0);
  let loaded = 0;
  let last = 0;
  tell({ type: "offline-progress", loaded, need });
  for (const path of todo) {
    await download(path, (n) => {
      loaded += n;
      const now = Date.now();
      if (now - last > 250) { last = now; tell({ type: "offline-progress", loaded, need }); }
    });
  }
  tell({ type: "offline-progress", loaded: need, need });
}

async function broadcast(msg) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(msg);
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "SKIP_WAITING") self.skipWaiting();
  else if (data.type === "KEEP" && Array.isArray(data.urls)) event.waitUntil(keepFromHttpCache(data.urls));
  else if (data.type === "KEEP_PREFIXES" && Array.isArray(data.prefixes)) {
    const urls = Object.keys(FILES).filter((p) => data.prefixes.some((x) => p.startsWith(x)))
      .map((p) => new URL(p, BASE).href);
    event.waitUntil(keepFromHttpCache(urls));
  } else if (data.type === "STATUS") event.waitUntil(status().then(broadcast));
  else if (data.type === "OFFLINE_ALL") {
    offlineAllRun ??= offlineAll(broadcast)
      .then(status).then(broadcast)
      .catch((err) => broadcast({ type: "offline-failed", message: String(err && err.message || err),
                                  storageFull: !!err && err.name === "QuotaExceededError" }))
      .finally(() => { offlineAllRun = null; });
    event.waitUntil(offlineAllRun);
  }
});

function fallbackPage() {
  return new Response(
    '<!doctype html><html lang="zh"><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    "<title>没有网络</title><body style=\"font:1rem/1.7 sans-serif;margin:2rem 1.2rem\"><h1>没有网络</h1>" +
    "<p>这一页还没有保存到这台手机上，联网后再打开。想让整个网站没有网络也能用：联网后打开“离线版”页面，" +
    "点“离线使用本站”。</p><p><a href=\"" + new URL("index.html", BASE).href + "\">回到首页</a>　<a href=\"" +
    new URL("index.html#zs-home-input", BASE).href + "\">搜索本站</a></p></body></html>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function respond(event, path) {
  let hit = await cached(path);
  if (!hit && inFlight.has(path)) {
    await inFlight.get(path);
    hit = await cached(path);
  }
  if (hit) return hit;
  let stored;
  const kept = track(path, new Promise((resolve) => { stored = resolve; }));
  try {
    event.waitUntil(kept);
  } catch (err) { /* the event is already over: the copy is stored all the same, while the worker runs */ }
  let response;
  try {
    response = await fetch(event.request);
  } catch (err) {
    stored(false);
    if (event.request.mode === "navigate") return (await cached(FALLBACK)) || fallbackPage();
    throw err;
  }
  if (response.status === 200 && response.type === "basic") stored(keep(path, response.clone()));
  else stored(false);
  return response;
}

async function passThrough(event) {
  try {
    return await fetch(event.request);
  } catch (err) {
    if (event.request.mode === "navigate") {
      return (FILES[FALLBACK] && (await cached(FALLBACK))) || fallbackPage();
    }
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  const path = pathOf(request.url);
  if (path) event.respondWith(respond(event, path));
  else if (request.mode === "navigate" && request.url.startsWith(BASE.href)) event.respondWith(passThrough(event));
});
