/* 驻村干部制度知识库: the search box in the header and on the home page, recent searches, and the
 * highlight of the matched words on the clause a result opens.
 *
 * Nothing is downloaded until someone starts to search (focus, tap on the magnifier, typing): then the
 * engine (engine.js) and the index (search/index.js) are added as <script src>, which works over http(s),
 * from file:// and under a 'self'-only Content-Security-Policy. Searching follows the `input` event, so
 * typing, IME commits, paste and voice input all search (a burst of typing is debounced). Every text shown is set with
 * textContent: nothing from the index or the query is parsed as HTML.
 */
(function () {
  "use strict";

  var RECENT_KEY = "zhucun.search.recent";
  var RECENT_MAX = 8;
  var DEBOUNCE_MS = 120;
  var MAX_RESULTS = 12;
  var TEXT = {
    hint: "输入词语、数字或问题，例如“请假3天谁批”",
    loading: "正在载入搜索……",
    failed: "搜索没有载入。请检查网络后再点一次搜索框。",
    none: "没有找到相关条文。可以换个说法，或少写几个字。",
    found: function (n) { return "找到 " + n + " 条相关条文"; },
    tools: "相关工具",
    pages: "其他页面",
    recent: "最近搜索",
    clear: "清除",
    tool: "计算器",
    compare: "各地对比",
    page: "页面"
  };

  // ------------------------------------------------------------------ site base (works on file://)
  function siteBase() {
    var el = document.getElementById("__config");
    var base = ".";
    try { if (el) base = JSON.parse(el.textContent).base || "."; } catch (e) { base = "."; }
    return new URL(base.replace(/\/?$/, "/"), document.baseURI || location.href).href;
  }
  var BASE = siteBase();

  // ------------------------------------------------------------------ loading the engine and index
  var ready = null;
  var index = null;

  function addScript(path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = BASE + path;
      s.async = false;  // added together, run in order: engine, then index
      s.onload = function () { resolve(); };
      s.onerror = function () { s.remove(); reject(new Error(path)); };
      document.head.appendChild(s);
    });
  }

  function load() {
    if (!ready) {
      var started = (window.performance && performance.now) ? performance.now() : 0;
      ready = Promise.all([addScript("assets/search/engine.js"), addScript("search/index.js")])
        .then(function () {
          var data = window.zhucunSearchIndex;
          if (!window.ZhucunSearchEngine || !data) throw new Error("index");
          index = window.ZhucunSearchEngine.load(data);
          window.zhucunSearchIndex = undefined;
          if (window.performance && performance.now) window.zhucunSearchLoadMs = performance.now() - started;
          return index;
        });
      ready.catch(function () { ready = null; });
    }
    return ready;
  }

  // ------------------------------------------------------------------ recent searches (localStorage, optional)
  function readRecent() {
    try {
      var raw = window.localStorage.getItem(RECENT_KEY);
      if (!raw) return [];
      var list = JSON.parse(raw);
      if (!Array.isArray(list)) return [];
      return list.filter(function (q) { return typeof q === "string" && q.trim() && q.length <= 100; }).slice(0, RECENT_MAX);
    } catch (e) {
      return [];
    }
  }

  function remember(query) {
    query = String(query || "").trim();
    if (!query) return;
    var list = readRecent().filter(function (q) { return q !== query; });
    list.unshift(query);
    try { window.localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, RECENT_MAX))); } catch (e) { /* storage off or full: only the list is lost */ }
  }

  function forgetAll() {
    try { window.localStorage.removeItem(RECENT_KEY); } catch (e) { /* nothing to do */ }
  }

  // ------------------------------------------------------------------ rendering
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function marked(text, marks) {
    var p = el("p", "zs-snippet");
    var at = 0;
    marks.forEach(function (m) {
      if (m[0] < at) return;
      if (m[0] > at) p.appendChild(document.createTextNode(text.slice(at, m[0])));
      p.appendChild(el("mark", null, text.slice(m[0], m[1])));
      at = m[1];
    });
    if (at < text.length) p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }

  function resultHref(r) {
    var params = r.terms.map(function (t) { return "h=" + encodeURIComponent(t); }).join("&");
    return BASE + r.page + (params ? "?" + params : "") + "#" + encodeURIComponent(r.anchor);
  }

  function clauseItem(r) {
    var li = el("li", "md-search-result__item");
    var a = el("a", "md-search-result__link");
    a.href = resultHref(r);
    a.setAttribute("data-zs-result", r.doc + "#" + r.anchor);
    var article = el("article", "md-search-result__article md-typeset");
    var title = el("h1", "zs-title");
    title.appendChild(el("span", "zs-doc", r.short));
    title.appendChild(document.createTextNode(" "));
    title.appendChild(el("span", "zs-label", r.label));
    article.appendChild(title);
    var snippet = marked((r.cut.before ? "…" : "") + r.snippet + (r.cut.after ? "…" : ""),
      r.marks.map(function (m) { return r.cut.before ? [m[0] + 1, m[1] + 1] : m; }));
    article.appendChild(snippet);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function linkRow(title, pages, className) {
    var li = el("li", "md-search-result__item zs-row " + className);
    li.appendChild(el("h2", "zs-row__title", title));
    var links = el("div", "zs-row__links");
    pages.forEach(function (p) {
      var a = el("a", "zs-chip");
      a.href = BASE + p.url;
      a.setAttribute("data-zs-page", p.url);
      a.appendChild(el("span", "zs-chip__kind", TEXT[p.kind] || TEXT.page));
      a.appendChild(document.createTextNode(p.title));
      links.appendChild(a);
    });
    li.appendChild(links);
    return li;
  }

  function recentRow(box, onPick) {
    var list = readRecent();
    if (!list.length) return null;
    var li = el("li", "md-search-result__item zs-row zs-recent");
    var head = el("div", "zs-row__head");
    head.appendChild(el("h2", "zs-row__title", TEXT.recent));
    var clear = el("button", "zs-recent__clear", TEXT.clear);
    clear.type = "button";
    clear.addEventListener("click", function () { forgetAll(); li.remove(); });
    head.appendChild(clear);
    li.appendChild(head);
    var links = el("div", "zs-row__links");
    list.forEach(function (q) {
      var b = el("button", "zs-chip", q);
      b.type = "button";
      b.setAttribute("data-zs-recent", "");
      b.addEventListener("click", function () { onPick(q); });
      links.appendChild(b);
    });
    li.appendChild(links);
    return li;
  }

  /** One search surface: an input and a result box (.md-search-result with meta and list). */
  function Surface(input, resultBox, options) {
    this.input = input;
    this.box = resultBox;
    this.meta = resultBox.querySelector(".md-search-result__meta");
    this.list = resultBox.querySelector(".md-search-result__list");
    this.options = options || {};
    this.timer = 0;
    this.last = null;
    var self = this;
    // the first change after a pause searches at once (a paste, a voice result, an IME commit); changes that
    // follow within DEBOUNCE_MS (typing) are gathered into one search at the end of that interval
    this.lastRun = 0;
    var schedule = function () {
      clearTimeout(self.timer);
      var wait = self.lastRun + DEBOUNCE_MS - Date.now();
      if (wait <= 0 && index) self.run();
      else self.timer = setTimeout(function () { self.run(); }, Math.max(wait, 30));
    };
    input.addEventListener("input", schedule);
    input.addEventListener("compositionend", schedule);
    input.addEventListener("focus", function () { self.start(); });
    input.addEventListener("pointerdown", function () { self.start(); });
    var form = input.form;
    if (form) {
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        clearTimeout(self.timer);
        self.run().then(function () {
          var first = self.list.querySelector("a.md-search-result__link");
          if (first) { remember(input.value); window.location.href = first.href; }
        });
      });
      form.addEventListener("reset", function () {
        setTimeout(function () { self.run(); input.focus(); }, 0);
      });
    }
    this.list.addEventListener("click", function (e) {
      var link = e.target.closest && e.target.closest("a");
      if (link) remember(input.value);
    });
  }

  Surface.prototype.start = function () {
    var self = this;
    if (!index) {
      if (!this.input.value.trim()) this.setMeta(TEXT.loading);
      load().then(function () { self.run(); }, function () { self.setMeta(TEXT.failed); });
    } else if (!this.input.value.trim()) {
      this.run();
    }
  };

  Surface.prototype.setMeta = function (text) { this.meta.textContent = text; };

  Surface.prototype.pick = function (query) {
    this.input.value = query;
    this.input.focus();
    this.run();
  };

  Surface.prototype.run = function () {
    var self = this;
    var query = this.input.value.trim();
    if (this.options.onQuery) this.options.onQuery(query);
    if (!index) {
      return load().then(function () { return self.run(); }, function () { self.setMeta(TEXT.failed); });
    }
    if (query === this.last && this.list.childNodes.length) return Promise.resolve();
    this.last = query;
    this.lastRun = Date.now();
    this.list.textContent = "";
    if (!query) {
      this.setMeta(TEXT.hint);
      var recent = recentRow(this, function (q) { self.pick(q); });
      if (recent) this.list.appendChild(recent);
      this.box.setAttribute("data-zs-state", "empty");
      return Promise.resolve();
    }
    var t0 = window.performance ? performance.now() : 0;
    var result = index.search(query, { limit: MAX_RESULTS });
    if (window.performance) this.box.setAttribute("data-zs-engine-ms", (performance.now() - t0).toFixed(1));
    var shown = result.clauses.length;
    this.setMeta(shown ? TEXT.found(shown) : TEXT.none);
    var frag = document.createDocumentFragment();
    result.clauses.slice(0, 3).forEach(function (r) { frag.appendChild(clauseItem(r)); });
    if (result.tools.length) frag.appendChild(linkRow(TEXT.tools, result.tools, "zs-tools"));
    result.clauses.slice(3).forEach(function (r) { frag.appendChild(clauseItem(r)); });
    if (result.pages.length) frag.appendChild(linkRow(TEXT.pages, result.pages, "zs-pages"));
    this.list.appendChild(frag);
    this.box.setAttribute("data-zs-state", shown ? "results" : "none");
    // search and render time, layout included (read by the latency benchmark)
    if (window.performance) { void this.list.offsetHeight; this.box.setAttribute("data-zs-ms", (performance.now() - t0).toFixed(1)); }
    return Promise.resolve();
  };

  // ------------------------------------------------------------------ the header box
  function setupHeader() {
    var input = document.querySelector("[data-zs-input]");
    var results = document.querySelector("[data-zs-results]");
    var toggle = document.getElementById("__search");
    if (!input || !results || !toggle) return null;
    var surface = new Surface(input, results, {});
    input.addEventListener("focus", function () {
      if (!toggle.checked) { toggle.checked = true; }
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        surface.start();
        input.focus();
      } else {
        input.blur();
      }
    });
    var opener = document.querySelector("[data-zs-open]");
    if (opener) opener.addEventListener("pointerdown", function () { load().catch(function () {}); });
    document.addEventListener("keydown", function (e) {
      var target = e.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (e.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        input.blur();
      } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s" || e.key === "f")) {
        e.preventDefault();
        toggle.checked = true;
        surface.start();
        input.focus();
      }
    });
    return surface;
  }

  // ------------------------------------------------------------------ the home page box
  function setupHome() {
    var input = document.querySelector("[data-zs-home-input]");
    var results = document.querySelector("[data-zs-home-results]");
    if (!input || !results) return null;
    results.hidden = false;
    return new Surface(input, results, {
      onQuery: function (q) { results.classList.toggle("zs-home__results--open", true); }
    });
  }

  // ------------------------------------------------------------------ highlight on the page a result opens
  function highlightTarget() {
    var terms;
    try { terms = new URLSearchParams(location.search).getAll("h"); } catch (e) { return; }
    terms = terms.map(function (t) { return t.trim(); }).filter(function (t) { return t && t.length <= 40; }).slice(0, 6);
    if (!terms.length || !location.hash) return;
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = document.getElementById(id);
    if (!target) return;
    var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var count = 0;
    nodes.forEach(function (node) {
      var text = node.nodeValue, cuts = [];
      terms.forEach(function (t) {
        var at = 0, i;
        while ((i = text.indexOf(t, at)) >= 0) { cuts.push([i, i + t.length]); at = i + t.length; }
      });
      if (!cuts.length) return;
      cuts.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      var frag = document.createDocumentFragment(), pos = 0;
      cuts.forEach(function (c) {
        if (c[0] < pos) return;
        if (c[0] > pos) frag.appendChild(document.createTextNode(text.slice(pos, c[0])));
        frag.appendChild(el("mark", "zs-hit", text.slice(c[0], c[1])));
        pos = c[1];
        count++;
      });
      if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    });
    if (count) target.classList.add("zs-target");
  }

  function init() {
    setupHeader();
    setupHome();
    highlightTarget();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  window.zhucunSearch = { load: load, readRecent: readRecent, remember: remember };
})();
