/* The 智能复习 page: today's queue from QuizSRS, one question at a time; right/wrong rates the card. */
(function (root) {
  "use strict";
  var C = root.QuizCard, R = root.QuizSRS, el = C.el;
  var app = C.mount();
  if (!app) return;
  if (!R.ready()) {
    app.appendChild(el("p", { class: "qz-warn", text: "智能复习的排程组件没有加载成功。请刷新页面；如果用的是离线副本，请重新下载一份。" }));
    return;
  }
  var head = el("div", { class: "qz-srshead" });
  var stage = el("div", { class: "qz-stage" });
  var nav = el("div", { class: "qz-nav" });
  app.appendChild(head); app.appendChild(stage); app.appendChild(nav);

  function drawHead() {
    var c = R.counts();
    head.innerHTML = "";
    head.appendChild(el("p", { class: "qz-srscount", id: "qz-srs-today" }, ["今天还要复习 ", el("b", { text: String(c.reviews) }), " 题，新题 ",
      el("b", { text: String(c.fresh) }), " 题"]));
    head.appendChild(el("p", { class: "qz-note", text: "按遗忘规律安排复习：答对的题，下次间隔越来越长；答错的题，几分钟后再出现。每天最多学 " +
      R.NEW_PER_DAY + " 道新题。已学 " + c.cards + " / " + c.pool + " 题。复习记录随“导出进度”一起备份。" }));
  }
  function show() {
    drawHead();
    nav.innerHTML = "";
    var item = R.next();
    if (!item) {
      stage.innerHTML = "";
      var c = R.counts(Date.now() + 86400000);
      stage.appendChild(el("p", { class: "qz-empty", id: "qz-srs-done", text: "今天的复习已完成。明天待复习约 " + c.reviews + " 题。" }));
      stage.appendChild(el("p", {}, [el("a", { href: "practice.html", text: "去顺序练习 →" })]));
      return;
    }
    stage.innerHTML = "";
    C.need([item.q.id], function () { ask(item, C.byId[item.q.id]); });
  }
  function ask(item, q) {
    C.render(stage, q, {
      mode: "practice", focus: false,
      onAnswer: function (result) {
        if (!result) return;
        root.QuizStore.record(q.id, result.ok, false);   /* counts and 错题本 as in any practice */
        var card = R.rate(q.id, result.ok);
        stage.appendChild(el("p", { class: result.ok ? "qz-ok" : "qz-bad", id: "qz-srs-when", text: "下次复习：" + R.when(card.due) + "。" }));
        nav.innerHTML = "";
        nav.appendChild(el("button", { type: "button", class: "qz-btn qz-primary", id: "qz-srs-next", text: "下一题", onclick: function () { show(); root.scrollTo(0, 0); } }));
        drawHead();
      }
    });
    if (item.isNew) stage.insertBefore(el("p", { class: "qz-note", text: "新题" }), stage.firstChild);
  }
  show();
})(window);
