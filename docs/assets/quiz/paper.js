/* 原卷: the county paper as a printable A4 page, with or without the key; a fresh random paper in the
   same format. */
(function (root) {
  "use strict";
  var C = root.QuizCard, el = C.el, BANK = C.BANK;
  var app = C.mount();
  if (!app) return;
  var P = BANK.paper;

  function original() {
    return P.sections.map(function (s) {
      var qs = P.items.map(function (id) { return C.byId[id]; }).filter(Boolean).filter(function (q) { return q.section === s.key; });
      return { key: s.key, heading: s.heading, points: s.points_each, items: qs };
    });
  }
  function blankStem(q) { return q.stem.replace(/_{2,}/g, "________"); }

  function keyText(q) {
    if (q.missing) return "（原卷缺失）";
    if (q.answer == null) return q.status === "local" ? "（本县数据，未设置）" : "（参考答案缺失，待核实）";
    return (q.section === "填空" ? q.answer.join("；") : q.answer.join("")) + (q.status === "unverified" ? "（待核实）" : "");
  }

  function renderPaper(sections, title, sub) {
    var sheet = el("div", { class: "qz-paper", id: "qz-paper" });
    sheet.appendChild(el("h1", { class: "qz-ptitle", text: title }));
    if (sub) sheet.appendChild(el("p", { class: "qz-psub", text: sub }));
    sheet.appendChild(el("p", { class: "qz-pfields", text: "姓名：__________  单位：__________  得分：______" }));
    var key = el("div", { class: "qz-key" }, [el("h2", { text: "参考答案" })]);
    sections.forEach(function (s) {
      sheet.appendChild(el("h2", { class: "qz-phead", text: s.heading }));
      var keyLine = [];
      s.items.forEach(function (q, i) {
        var n = (q.number || i + 1);
        if (q.missing) {
          sheet.appendChild(el("p", { class: "qz-pitem qz-pmissing", id: "item-" + q.id, text: n + "、（原卷此处缺失）" }));
        } else {
          var item = el("div", { class: "qz-pitem", id: "item-" + q.id }, [el("p", {}, [n + "、" + blankStem(q), q.status === "unverified" ? el("span", { class: "qz-pmark", text: "［待核实］" }) : null])]);
          if (q.options) item.appendChild(el("p", { class: "qz-popts", text: q.options.map(function (o, k) { return C.LETTERS[k] + "、" + o; }).join("　") }));
          if (q.options_note) item.appendChild(el("p", { class: "qz-pnote", text: "注：" + q.options_note }));
          sheet.appendChild(item);
        }
        keyLine.push(n + "．" + keyText(q));
      });
      key.appendChild(el("p", {}, [el("b", { text: s.key + "：" }), keyLine.join("　")]));
    });
    sheet.appendChild(key);
    return sheet;
  }

  var holder = el("div");
  var withKey = el("input", { type: "checkbox", id: "qz-withkey" });
  withKey.onchange = function () { holder.classList.toggle("qz-showkey", withKey.checked); };
  function showOriginal(then) {
    holder.innerHTML = "";
    C.need(P.items, function () {
      holder.innerHTML = "";
      holder.appendChild(renderPaper(original(), P.title + "（" + P.date_label + "）", "原卷照录。" + P.truncated));
      if (then) then();
    });
  }
  function showRandom(then) {
    var seed = parseInt(C.param("seed"), 10) || C.newSeed();
    var drawn = C.drawPaper(seed, false), ids = [];
    drawn.forEach(function (s) { s.items.forEach(function (q) { ids.push(q.id); }); });
    holder.innerHTML = "";
    C.need(ids, function () {
      drawn.forEach(function (s) { s.items = s.items.map(function (q) { return C.byId[q.id]; }); });
      holder.innerHTML = "";
      holder.appendChild(renderPaper(drawn, P.title + "（随机组卷）", "试卷编号 " + seed + "。题型、题量、分值同原卷，题目取自有条文依据的题库。"));
      if (then) then();
    });
  }
  var tools = el("div", { class: "qz-toolbar qz-noprint" }, [
    el("div", { class: "qz-row" }, [
      el("button", { type: "button", class: "qz-btn", id: "qz-show-original", text: "原卷", onclick: function () { showOriginal(); } }),
      el("button", { type: "button", class: "qz-btn", id: "qz-new-random", text: "随机组一份新卷", onclick: function () { history.replaceState(null, "", "?"); showRandom(); } }),
      el("label", { class: "qz-check", for: "qz-withkey" }, [withKey, "附参考答案"])]),
    el("div", { class: "qz-row" }, [
      el("button", { type: "button", class: "qz-btn qz-primary", id: "qz-print", text: "打印 / 存为 PDF（A4）", onclick: function () { root.print(); } }),
      el("button", { type: "button", class: "qz-btn", id: "qz-print-random", text: "打印一份新的随机卷", onclick: function () { history.replaceState(null, "", "?"); showRandom(function () { root.print(); }); } })])
  ]);
  app.appendChild(tools);
  app.appendChild(holder);
  if (C.param("random")) showRandom(); else showOriginal();   /* the paper's own questions: one document */
  if (C.param("key") === "1") { withKey.checked = true; holder.classList.add("qz-showkey"); }
})(window);
