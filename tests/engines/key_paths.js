// The key user paths, as steps run inside the page by any engine's driver (tests/engines_drivers.py):
// Chromium through Playwright, WebKit through WebKitWebDriver (Selenium), Firefox over WebDriver BiDi
// (puppeteer-core). One copy of the steps, so every engine is asked exactly the same thing.
// (async function (step, arg) {...}) -> a JSON-able value, or throws with a message.
(async function (step, arg) {
  const until = async (what, fn, ms) => {
    const end = Date.now() + (ms || 30000);
    for (;;) {
      const v = fn();
      if (v) return v;
      if (Date.now() > end) throw new Error("timed out waiting for " + what);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const set = (el, value) => {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const $ = (sel) => document.querySelector(sel);

  if (step === "clause") {
    await until("regulation text", () => document.querySelectorAll(".law-text .clause").length > 0);
    const clause = await until("clause " + arg.anchor, () => document.getElementById(arg.anchor));
    const box = clause.getBoundingClientRect();
    return { count: document.querySelectorAll(".law-text .clause").length, text: clause.textContent.trim(),
             visible: box.width > 0 && box.height > 0 && box.top < innerHeight, width: document.documentElement.scrollWidth };
  }

  if (step === "search") {
    // the site's own search (docs/assets/search/): the header magnifier opens the box, the engine and the
    // index load on that first touch, and the `input` event searches (as a paste or an IME commit does)
    const opener = await until("search button", () => $("label.md-header__button[data-zs-open]"));
    const box = $("[data-zs-results]");
    delete box.dataset.zsState;
    opener.click();
    const input = await until("search box shown", () => {
      const i = $("[data-zs-input]");
      return i && i.getBoundingClientRect().width > 0 && i;
    });
    input.focus();
    set(input, arg.query);
    await until("search results", () => /^(results|none)$/.test(box.dataset.zsState || "") &&
                box.querySelector(".md-search-result__meta").textContent.indexOf("载入") < 0, 60000);
    return { state: box.dataset.zsState, meta: box.querySelector(".md-search-result__meta").textContent.trim(),
             results: Array.from(box.querySelectorAll("a[data-zs-result]"),
                                 (a) => ({ cite: a.dataset.zsResult, href: a.href })) };
  }

  if (step === "opened-clause") {
    // the page a search result opens: the clause is there, marked as the target, its matched words marked
    const clause = await until("clause " + arg.anchor, () => document.getElementById(arg.anchor));
    await until("highlighted words", () => clause.querySelector("mark.zs-hit"));
    return { target: clause.classList.contains("zs-target"), text: clause.textContent.trim(),
             marks: Array.from(clause.querySelectorAll("mark.zs-hit"), (m) => m.textContent),
             hash: decodeURIComponent(location.hash.slice(1)) };
  }

  if (step === "calculator") {
    const calc = await until("calculator form", () => $(".zc-calc[data-wired]"), 60000);
    const spec = JSON.parse(calc.dataset.spec);
    for (const field of spec.fields) {
      let value = arg.values[field.name];
      if (value === undefined && field.required) {
        value = field.choices ? field.choices[0].value : String((field.min || 0) + 1);
      }
      if (value !== undefined) set($("#zc-f-" + field.name), value);
    }
    const button = $(".zc-submit");
    await until("calculate button enabled", () => !button.disabled, arg.timeout);
    button.click();
    const h2 = await until("calculator result", () => $(".zc-result:not([hidden]) h2"), arg.timeout);
    return { ms: performance.now(), title: h2.textContent.trim(),
             cites: document.querySelectorAll(".zc-result .zc-cite").length };
  }

  if (step === "marks") {   // the calculator runtime's stage times (ms from its start), for engine_times
    const calc = $(".zc-calc");
    return calc && calc.dataset.marks ? JSON.parse(calc.dataset.marks) : null;
  }

  if (step === "clear-storage") {
    localStorage.clear();
    return true;
  }

  if (step === "answer-wrong") {
    const card = await until("question card", () => window.QuizCard && $(".qz-card"));
    const q = window.QuizCard.byId[card.dataset.qid];
    if (q.section === "填空") {
      set($(".qz-blank"), "不对的答案");
      $(".qz-submit").click();
    } else {
      const wrong = "ABCDEF".slice(0, q.options.length).split("").find((c) => !q.answer.includes(c));
      $(`.qz-option[data-letter='${wrong}']`).click();
      if (q.section === "多选") $(".qz-submit").click();
    }
    await new Promise((r) => setTimeout(r, 300));
    return q.id;
  }

  if (step === "wrongbook-has") {
    await until("wrong-answer list", () => $(`#qz-wrong-list li[data-qid='${arg.qid}']`));
    return true;
  }

  throw new Error("unknown step " + step);
})
