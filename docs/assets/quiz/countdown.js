/* The clock of a timed paper, shared by 模拟考试 (quiz/exam.js) and 培训班 · 答题 (training/trainee.js):
   "剩余 m:ss" every second, red (qz-late) in the last minutes, onEnd() once when the time is up. While it runs
   the tab asks before it is closed and is marked as in an exam (the update banner never reloads it).
   A classic script, so it works online, from the installed app and from file://. */
(function (root) {
  "use strict";
  /** Start the clock; returns stop() (also called at the end), which lifts the guard. */
  function start(clock, ends, lateMs, onEnd, leaveText) {
    var timer = null, running = true;
    function leaving(e) { e.preventDefault(); e.returnValue = leaveText; return e.returnValue; }
    function stop() {
      if (!running) return;
      running = false;
      clearInterval(timer);
      root.removeEventListener("beforeunload", leaving);
      delete document.documentElement.dataset.examInProgress;
    }
    function tick() {
      var left = Math.max(0, ends - Date.now());
      var m = Math.floor(left / 60000), s = Math.floor(left / 1000) % 60;
      clock.textContent = "剩余 " + m + ":" + (s < 10 ? "0" : "") + s;
      clock.classList.toggle("qz-late", left < lateMs);
      if (left <= 0) { stop(); onEnd(); }
    }
    root.addEventListener("beforeunload", leaving);
    document.documentElement.dataset.examInProgress = "1";
    timer = setInterval(tick, 1000);
    tick();
    return stop;
  }
  root.QuizCountdown = { start: start };
})(typeof self !== "undefined" ? self : this);
