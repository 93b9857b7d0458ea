/* The practice hub: today's 智能复习 count on its link. */
(function (root) {
  "use strict";
  var out = document.getElementById("qz-srs-due");
  if (!out || !root.QuizSRS || !root.QUIZ_BANK) return;
  var c = root.QuizSRS.counts();
  out.textContent = c.total ? "今日待复习 " + c.reviews + " 题，新题 " + c.fresh + " 题" : "今天的复习已完成";
  out.parentNode.setAttribute("data-due", String(c.total));
})(window);
