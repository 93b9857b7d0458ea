/* 培训班 · 答题: open the paper from the 试卷码 (typed or scanned), name typed once, timer, 交卷 -> score and
   成绩码 (QR + text). Every answer is saved on the device at once: a reload or a closed tab loses nothing and
   the timer does not stop. */
/* runs once the whole bank is loaded (docs/assets/quiz/loader.js): papers are drawn and graded over all of it */
window.QuizCard.whole(function () { (function (root) {
  "use strict";
  var C = root.QuizCard, T = root.TrainingCode, P = root.TrainingPaper, el = C.el;
  var app = C.mount();
  if (!app) return;
  var store = P.store, cam = null;

  function entry() {
    app.innerHTML = "";
    var msg = el("p", { class: "qz-warn", id: "tr-code-msg", role: "alert", hidden: "hidden" });
    var input = el("input", { type: "text", id: "tr-code-input", class: "tr-codeinput", autocomplete: "off", autocapitalize: "characters",
      spellcheck: "false", placeholder: "例如 3K7QD-2M0XA", "aria-describedby": "tr-code-msg" });
    var hash = (root.location.hash || "").replace(/^#/, "");
    if (/^[0-9A-Za-z-]{6,40}$/.test(hash)) input.value = hash;
    var name = el("input", { type: "text", id: "tr-name", maxlength: "20", autocomplete: "name", value: store.data.name || "" });
    var nameMsg = el("p", { class: "qz-warn", id: "tr-name-msg", role: "alert", hidden: "hidden" });
    var video = el("video", { class: "tr-video", id: "tr-video", hidden: "hidden" });
    var stopBtn = el("button", { type: "button", class: "qz-btn", id: "tr-scan-stop", text: "关闭摄像头", hidden: "hidden", onclick: stopCam });
    function stopCam() { if (cam) cam.stop(); cam = null; video.hidden = true; stopBtn.hidden = true; }
    function open() {
      msg.hidden = true; nameMsg.hidden = true;
      var r = T.decodePaper(input.value, P.bankVersion);
      if (!r.ok) { msg.textContent = r.message; msg.hidden = false; input.focus(); return; }
      var n = T.cleanName(name.value);
      if (!n) { nameMsg.textContent = "请填写姓名，老师汇总成绩时按姓名区分。"; nameMsg.hidden = false; name.focus(); return; }
      stopCam();
      store.data.name = n;
      store.save();
      ready(r.code, r.spec, n);
    }
    app.appendChild(el("div", { class: "qz-card tr-input" }, [
      el("label", { class: "tr-field", for: "tr-code-input" }, ["试卷码", input]), msg,
      el("p", { class: "qz-row" }, [
        el("button", { type: "button", class: "qz-btn", id: "tr-scan", text: "扫码", onclick: function () {
          msg.hidden = true; video.hidden = false; stopBtn.hidden = false;
          cam = root.TrainingQR.camera(video, function (text) {
            var r = T.decodePaper(text, P.bankVersion);
            if (r.ok) { input.value = T.group(r.code); stopCam(); }
            msg.textContent = r.ok ? "" : r.message; msg.hidden = r.ok;
          }, function (why) { msg.textContent = why; msg.hidden = false; stopCam(); });
        } }), stopBtn]),
      video,
      el("label", { class: "tr-field", for: "tr-name" }, ["姓名（只填一次，本机记住）", name]), nameMsg,
      el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-open", text: "打开试卷", onclick: open })]));
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") open(); });
  }

  function ready(code, spec, name) {
    var paper = P.build(spec);
    var saved = store.data.trainee[code];
    if (saved && saved.done) return result(code, paper, name, null);
    if (saved) return run(code, paper, name, "已恢复上次未交的答卷，计时没有暂停。");
    app.innerHTML = "";
    app.appendChild(el("div", { class: "qz-card" }, [
      el("h2", { text: "试卷 " + T.group(code) }),
      el("p", { id: "tr-desc", text: P.describe(paper) }),
      el("p", { text: "姓名：" + name }),
      el("p", { class: "qz-note", text: "多选题少选、错选均不得分；未作答的题不得分。点“开始答题”后开始计时，中途刷新或关闭不会丢失作答，计时不暂停。" }),
      el("p", { class: "qz-row" }, [
        el("button", { type: "button", class: "qz-btn", text: "返回", onclick: entry }),
        el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-start", text: "开始答题", onclick: function () {
          store.data.trainee[code] = { started: Date.now(), answers: {}, done: "" };
          store.save();
          run(code, paper, name, null);
        } })])]));
  }

  function run(code, paper, name, note) {
    var rec = store.data.trainee[code];
    var ends = rec.started + paper.spec.minutes * 60000, stopClock = function () {}, finished = false;
    app.innerHTML = "";
    var clock = el("span", { class: "qz-clock", id: "tr-clock" });
    var submit = el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-submit", text: "交卷", onclick: ask });
    app.appendChild(el("div", { class: "tr-bar" }, [clock, submit]));
    if (note) app.appendChild(el("p", { class: "qz-note", id: "tr-restored", text: note }));
    var order = P.orderFor(paper, name);
    order.forEach(function (k, i) {
      var f = paper.flat[k];
      app.appendChild(el("p", { class: "tr-qhead", text: (i + 1) + ". " + f.key + "（" + f.points + " 分）" }));
      var holder = el("div", { class: "tr-q", "data-k": String(k) });
      app.appendChild(holder);
      C.render(holder, f.q, { mode: "exam", response: rec.answers[k], onChange: function (r) { rec.answers[k] = r; store.save(); } });
    });
    var dialog = el("div", { class: "qz-dialog", hidden: "hidden" });
    app.appendChild(el("p", {}, [el("button", { type: "button", class: "qz-btn qz-primary qz-submit", id: "tr-submit-2", text: "交卷", onclick: ask })]));
    app.appendChild(dialog);
    function ask() {
      var left = paper.flat.filter(function (f, k) { return !C.answered(f.q, rec.answers[k]); }).length;
      dialog.innerHTML = "";
      dialog.appendChild(el("div", { class: "qz-dialogbox" }, [
        el("p", { text: (left ? "还有 " + left + " 题未作答，" : "") + "交卷后不能再改，确定交卷吗？" }),
        el("button", { type: "button", class: "qz-btn", text: "继续答题", onclick: function () { dialog.hidden = true; } }),
        el("button", { type: "button", class: "qz-btn qz-primary", id: "tr-confirm", text: "确定交卷", onclick: function () { dialog.hidden = true; finish(false); } })]));
      dialog.hidden = false;
    }
    function finish(timeUp) {
      if (finished) return;
      finished = true;
      stopClock();
      var answers = paper.flat.map(function (f, k) { return rec.answers[k] || []; });
      rec.done = T.encodeResult(code, name, answers, paper.kinds);
      store.save();
      result(code, paper, name, timeUp ? "时间到，已自动交卷。" : null);
    }
    stopClock = root.QuizCountdown.start(clock, ends, 3 * 60000, function () { finish(true); }, "尚未交卷");
  }

  function result(code, paper, name, note) {
    var rec = store.data.trainee[code];
    var back = T.decodeResult(rec.done, paper.kinds);
    var answers = back.ok ? back.answers : [];
    var g = P.grade(paper, answers);
    app.innerHTML = "";
    var text = el("textarea", { class: "tr-resultcode", id: "tr-result-text", readonly: "readonly", rows: "3" });
    text.value = rec.done;
    var copied = el("span", { class: "qz-note", role: "status" });
    app.appendChild(el("div", { class: "qz-card qz-result" }, [
      el("h2", { text: note || "已交卷。" }),
      el("p", { class: "qz-score" }, [name + " 得分 ", el("b", { id: "tr-score", text: String(g.score) }), " / " + g.max]),
      el("p", { id: "tr-tally", text: "答对 " + g.right + " 题，答错 " + g.wrong + " 题，未答 " + g.blank + " 题。" }),
      el("h3", { text: "成绩码：请让老师扫码" }),
      el("div", { class: "tr-qrbox", id: "tr-result-qr" }, [root.TrainingQR.drawFit(rec.done, 340)]),
      el("p", { class: "qz-note", text: "扫不了时，复制下面的文字发给老师：" }), text,
      el("p", { class: "qz-row" }, [el("button", { type: "button", class: "qz-btn", id: "tr-copy", text: "复制成绩码", onclick: function () {
        text.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        copied.textContent = ok ? "已复制。" : "请长按上面的文字手动复制。";
      } }), copied]),
      el("p", { class: "qz-note", id: "tr-seal-note", text: "说明：成绩码里有姓名、试卷码和每道题的作答，带一个校验码，只能发现抄错、截断，不是防伪印章——有意修改作答的人仍能改出一份新码。正式考核请以老师现场收取为准。" })
    ]));
    app.appendChild(el("h2", { text: "逐题回顾" }));
    paper.flat.forEach(function (f, k) {
      var r = g.per[k], holder = el("div");
      app.appendChild(el("p", { class: "tr-qhead", text: f.key + " 第 " + f.n + " 题（" + f.points + " 分）" + (r.blank ? " 未答" : r.ok ? " ✔" : " ✘") }));
      app.appendChild(holder);
      C.render(holder, f.q, { mode: "review", response: answers[k] || [], unanswered: r.blank });
    });
    app.appendChild(el("p", {}, [el("button", { type: "button", class: "qz-btn", text: "输入另一个试卷码", onclick: entry })]));
    root.scrollTo(0, 0);
  }

  entry();
})(window); });
