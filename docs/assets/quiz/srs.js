/* 智能复习: a spaced-repetition queue over the whole bank, scheduled by FSRS (ts-fsrs, vendored from npm,
   window.FSRS). Cards live in the practice progress (QuizStore.state.srs, times as ms), so they join the
   progress export/import. Used by the review page (review.js) and the hub's daily count (hub.js). */
(function (root) {
  "use strict";
  var C = root.QuizCard, S = root.QuizStore;
  var NEW_PER_DAY = 20, EARLY_MS = 20 * 60000, POOL_SEED = 7;
  var scheduler = null;

  /* the default pool: questions with a grounded answer, 必知/应知 (C.inPool), over the index's short rows
     (the hub counts without loading any question text; next() returns a short row: C.need before showing) */
  var pool = C.shuffle(C.all.filter(function (q) { return C.scorable(q, false) && C.inPool(q, false); }), POOL_SEED);
  function cards() {
    var st = S.state.srs, out = [];
    Object.keys(st).forEach(function (id) { if (C.meta[id] && C.usable(C.meta[id])) out.push({ id: id, card: st[id] }); });
    return out;
  }
  function freshLeft() {
    var d = S.state.srsDay;
    return Math.max(0, NEW_PER_DAY - (d && d.day === S.today() ? d.fresh : 0));
  }
  function unseen() { return pool.filter(function (q) { return !S.state.srs[q.id]; }); }
  function endOfDay(now) { var d = new Date(now); d.setHours(23, 59, 59, 999); return d.getTime(); }

  /* what is left for today: reviews due by midnight, new cards still allowed */
  function counts(now) {
    now = now || Date.now();
    var eod = endOfDay(now);
    var reviews = cards().filter(function (c) { return c.card.due <= eod; }).length;
    var fresh = Math.min(freshLeft(), unseen().length);
    return { reviews: reviews, fresh: fresh, total: reviews + fresh, cards: cards().length, pool: pool.length };
  }
  /* next question: a due card (earliest first), else a new one, else a learning card due within 20 minutes */
  function next(now) {
    now = now || Date.now();
    var all = cards().sort(function (a, b) { return a.card.due - b.card.due; });
    var due = all.filter(function (c) { return c.card.due <= now; });
    if (due.length) return { q: C.meta[due[0].id], isNew: false };
    if (freshLeft() > 0) { var u = unseen(); if (u.length) return { q: u[0], isNew: true }; }
    var soon = all.filter(function (c) { return (c.card.state === 1 || c.card.state === 3) && c.card.due <= now + EARLY_MS; });
    if (soon.length) return { q: C.meta[soon[0].id], isNew: false };
    return null;
  }
  function ready() { return !!(root.FSRS && root.FSRS.fsrs); }
  function toCard(c) {
    return { due: new Date(c.due), stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days,
      scheduled_days: c.scheduled_days, learning_steps: c.learning_steps, reps: c.reps, lapses: c.lapses, state: c.state,
      last_review: c.last_review == null ? undefined : new Date(c.last_review) };
  }
  function fromCard(c) {
    return { due: c.due.getTime(), stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days,
      scheduled_days: c.scheduled_days, learning_steps: c.learning_steps || 0, reps: c.reps, lapses: c.lapses, state: c.state,
      last_review: c.last_review ? new Date(c.last_review).getTime() : null };
  }
  /* right = Good, wrong = Again; returns the stored card */
  function rate(qid, ok, now) {
    var F = root.FSRS;
    if (!scheduler) scheduler = F.fsrs(F.generatorParameters({ enable_fuzz: false }));
    now = new Date(now || Date.now());
    var stored = S.state.srs[qid];
    var card = stored ? toCard(stored) : F.createEmptyCard(now);
    var out = fromCard(scheduler.next(card, now, ok ? F.Rating.Good : F.Rating.Again).card);
    S.setCard(qid, out, !stored);
    return out;
  }
  function when(due, now) {
    var m = Math.max(1, Math.round((due - (now || Date.now())) / 60000));
    if (m < 60) return m + " 分钟后";
    if (m < 24 * 60) return Math.round(m / 60) + " 小时后";
    return Math.round(m / 1440) + " 天后";
  }

  root.QuizSRS = { counts: counts, next: next, rate: rate, ready: ready, when: when, NEW_PER_DAY: NEW_PER_DAY };
})(window);
