"""培训班 pages in Chromium at 390 px: the trainer's 自选 selection and ticked 待核实 items reach the paper the code
rebuilds; per-trainee shuffle changes only the order; a reload mid-paper keeps the answers and the clock, and
a paper whose time ran out while the phone was off is handed in on return."""
from __future__ import annotations

BUILD_JS = """code => { const P = TrainingPaper, T = TrainingCode; const r = T.decodePaper(code, P.bankVersion);
  const p = P.build(r.spec); return {spec: r.spec, items: p.flat.map(f => ({id: f.q.id, key: f.key, doc: f.q.doc,
  topic: f.q.topic, importance: f.q.importance, status: f.q.status})),
  order1: P.orderFor(p, '张三'), order2: P.orderFor(p, '李四'), pending: P.pendingItems().map(x => x.q.id)}; }"""


def _make(page, site_url, setup):
    page.goto(site_url + "training/index.html")
    setup(page)
    page.click("#tr-make")
    assert page.locator("#tr-form-msg").is_hidden(), page.inner_text("#tr-form-msg")
    return page.inner_text("#tr-code").replace("-", "")


def test_custom_selection_reaches_the_paper(page, site_url):
    def setup(pg):
        pg.check("#tr-format-custom")
        boxes = pg.locator("input[id^=tr-doc-]")
        for i in range(1, boxes.count()):
            boxes.nth(i).uncheck()
        pg.check("#tr-imp-2")
        pg.fill("#tr-count-0", "3")
        pg.fill("#tr-count-1", "2")
        pg.fill("#tr-count-2", "0")
        pg.select_option("#tr-minutes", "45")
        pg.check("#tr-order-shuffle")
    code = _make(page, site_url, setup)
    got = page.evaluate(BUILD_JS, code)
    first_doc = page.evaluate("Object.keys(QUIZ_BANK.docs)[0]")
    assert got["spec"]["format"] == "custom" and got["spec"]["docs"] == [0] and got["spec"]["minutes"] == 45
    assert got["spec"]["importance"] == [0, 1, 2] and got["spec"]["shuffle"] is True
    assert [x["key"] for x in got["items"]] == ["填空"] * 3 + ["单选"] * 2
    assert {x["doc"] for x in got["items"]} == {first_doc}
    assert sorted(got["order1"]) == sorted(got["order2"]) == list(range(5))
    assert "45 分钟" in page.inner_text("#tr-desc") and "每人题目顺序不同" in page.inner_text("#tr-desc")


def test_ticked_unverified_items_are_on_the_paper(page, site_url):
    page.goto(site_url + "training/index.html")
    pending = page.locator("input[id^=tr-pend-]")
    assert pending.count() >= 2
    page.locator(".tr-pending summary").click()
    ids = [pending.nth(i).get_attribute("id") for i in (0, 1)]
    for i in ids:
        page.check("#" + i)
    page.click("#tr-make")
    got = page.evaluate(BUILD_JS, page.inner_text("#tr-code").replace("-", ""))
    chosen = [page.evaluate("i => TrainingPaper.pendingItems().filter(p => p.index === i)[0].q.id", int(i.split("-")[-1])) for i in ids]
    on_paper = [x["id"] for x in got["items"]]
    assert set(chosen) <= set(on_paper)
    assert [x["id"] for x in got["items"] if x["status"] == "unverified"] == [x for x in on_paper if x in chosen]
    assert "含 2 道县试卷“待核实”题" in page.inner_text("#tr-desc")


def test_custom_form_refusals(page, site_url):
    page.goto(site_url + "training/index.html")
    page.check("#tr-format-custom")
    for i in range(3):
        page.fill(f"#tr-count-{i}", "0")
    page.click("#tr-make")
    assert "不能都是 0" in page.inner_text("#tr-form-msg")
    page.fill("#tr-count-0", "40")
    page.click("#tr-make")
    assert "0 到 31" in page.inner_text("#tr-form-msg") and page.locator("#tr-out").is_hidden()


def test_reload_keeps_answers_and_late_return_hands_in(page, site_url):
    page.goto(site_url + "training/exam.html")
    code = page.evaluate("""() => TrainingCode.encodePaper({format: 'county', version: TrainingPaper.bankVersion,
      minutes: 10, shuffle: false, pending: [], seed: 5})""")
    page.fill("#tr-code-input", code)
    page.fill("#tr-name", "王五")
    page.click("#tr-open")
    page.click("#tr-start")
    page.locator('.tr-q[data-k="10"] .qz-option[data-letter="B"]').click()
    page.reload()
    assert page.input_value("#tr-name") == "王五"          # the name is typed once
    page.fill("#tr-code-input", code)
    page.click("#tr-open")
    assert "已恢复" in page.inner_text("#tr-restored")
    assert page.locator('.tr-q[data-k="10"] .qz-option[data-letter="B"]').get_attribute("class").count("qz-picked") == 1
    # the phone was off past the end: back on the page, the paper is handed in with what was saved
    page.evaluate("""code => { const k = 'zhucun.training', e = JSON.parse(localStorage.getItem(k));
      e.data.trainee[code].started -= 11 * 60000; localStorage.setItem(k, JSON.stringify(e)); }""", code)
    page.reload()
    page.fill("#tr-code-input", code)
    page.click("#tr-open")
    page.wait_for_selector("#tr-result-text")
    assert "时间到" in page.inner_text(".qz-result h2")
    text = page.input_value("#tr-result-text")
    assert text.split("|")[2] == "王五" and text.split("|")[13] == "B"


def _collect(page, site_url, seed, second_name, second_choice):
    """The 成绩汇总 page of a fixed county paper with two 成绩码 pasted: 赵六 answering all ['A'] on seed 9 or
    nothing on other seeds, and second_name answering second_choice to every choice question -> the 试卷码."""
    page.goto(site_url + "training/results.html")
    codes = page.evaluate("""([seed, name, choice]) => { const T = TrainingCode, P = TrainingPaper;
      const s = {format: 'county', version: P.bankVersion, minutes: 20, shuffle: false, pending: [], seed: seed};
      const c = T.encodePaper(s), p = P.build(s);
      return [c, T.encodeResult(c, '赵六', p.flat.map(() => seed === 9 ? [] : ['A']), p.kinds),
              T.encodeResult(c, name, p.flat.map(f => f.key === '填空' ? [] : [choice]), p.kinds)]; }""",
                          [seed, second_name, second_choice])
    page.fill("#tr-session-code", codes[0])
    page.click("#tr-session-set")
    page.fill("#tr-paste", codes[1] + "\n" + codes[2])
    page.click("#tr-add")
    return codes[0]


def test_same_name_conflict_is_flagged_then_resolved_by_the_trainer(page, site_url):
    _collect(page, site_url, 9, "赵六", "A")
    assert page.locator("#tr-trainees tbody tr").count() == 1
    flag = page.locator('#tr-flagged .tr-flag[data-name="赵六"]')
    assert "作答不同" in flag.inner_text()
    flag.get_by_text("两人同名：作为另一人加入").click()
    names = page.locator("#tr-trainees tbody tr").evaluate_all("rs => rs.map(r => r.dataset.name)")
    assert names == ["赵六", "赵六（2）"] and page.locator("#tr-flagged .tr-flag").count() == 0
    page.reload()
    assert page.locator("#tr-trainees tbody tr").count() == 2          # saved on the device


def test_excel_export_has_the_csv_tables(page, site_url, tmp_path):
    """导出 Excel 表格: a real .xlsx (fflate loaded only on the click) whose two sheets hold the CSV's two tables
    cell for cell; Chinese intact, numbers as numbers, a formula-looking name stored as plain text."""
    import csv
    import io

    import openpyxl

    paper_code = _collect(page, site_url, 11, "=1+2&<b>", "B")
    assert page.locator("#tr-trainees tbody tr").count() == 2
    assert page.evaluate("() => typeof window.fflate") == "undefined"           # not loaded before the click
    with page.expect_download() as dl:
        page.click("#tr-csv")
    lines = list(csv.reader(io.StringIO(open(dl.value.path(), encoding="utf-8-sig", newline="").read())))
    gap = lines.index([])
    csv_tables = [lines[:gap], lines[gap + 1:]]
    with page.expect_download() as dl:
        page.click("#tr-xlsx")
    assert dl.value.suggested_filename == "培训班成绩-" + paper_code + ".xlsx"
    path = tmp_path / "class.xlsx"
    dl.value.save_as(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["学员成绩", "逐题错误率"]
    for sheet, table in zip(book.worksheets, csv_tables):
        cells = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
        assert len(cells) == len(table) and len(cells) > 1
        for got_row, csv_row in zip(cells, table):
            got_row = got_row + [""] * (len(csv_row) - len(got_row))
            for got, want in zip(got_row, csv_row):
                if isinstance(got, str):
                    assert want == ("'" + got if got[:1] in "=+-@" else got)    # the CSV guards formulas with '
                else:
                    assert isinstance(got, int) and str(got) == want
    names = {row[0].value: row for row in book["学员成绩"].iter_rows(min_row=2)}
    assert set(names) == {"赵六", "=1+2&<b>"}
    formula = names["=1+2&<b>"][0]
    assert formula.data_type == "s"                                             # text, not a formula
    assert book["学员成绩"]["A1"].value == "姓名" and book["学员成绩"]["B1"].value == "得分"
    assert isinstance(names["赵六"][1].value, int)


def test_pages_load_only_the_documents_a_paper_needs(page, site_url):
    """Papers are drawn over the bank index: the trainer's page loads the county paper's unverified items'
    document only, and a trainee's page loads the documents of the paper's questions only, never the whole bank."""
    page.goto(site_url + "training/index.html")
    page.wait_for_selector("#tr-make")
    pending_docs = page.evaluate("() => QuizBank.partsOf(TrainingPaper.pendingIds())")
    assert sorted(page.evaluate("() => QuizBank.loaded()")) == sorted(pending_docs)
    page.goto(site_url + "training/exam.html")
    page.wait_for_selector("#tr-open")
    assert page.evaluate("() => QuizBank.loaded()") == []
    code = page.evaluate("""() => TrainingCode.encodePaper({format: 'custom', version: TrainingPaper.bankVersion,
      minutes: 10, shuffle: false, pending: [], seed: 3, docs: [0], topics: null, importance: [0, 1, 2], counts: [2, 2, 0]})""")
    page.fill("#tr-code-input", code)
    page.fill("#tr-name", "王五")
    page.click("#tr-open")
    page.wait_for_selector("#tr-start")
    first_doc = page.evaluate("Object.keys(QUIZ_BANK.docs)[0]")
    assert page.evaluate("() => QuizBank.loaded()") == [first_doc]
    n_docs = page.evaluate("() => Object.keys(QUIZ_BANK.docs).length")
    assert n_docs > 1


def test_the_index_rows_draw_as_the_full_questions_would(page, site_url):
    """What a paper is drawn by (section, document, topic, importance, scorable, usable) is the same on the
    index's short rows as on the full questions, so a paper is the same as when the whole bank was loaded."""
    page.goto(site_url + "training/exam.html")
    page.wait_for_selector("#tr-open")
    diff = page.evaluate("""() => new Promise(done => QuizCard.whole(() => {
      const C = QuizCard, out = [];
      C.all.forEach(m => { const q = C.byId[m.id];
        const a = [m.section, m.doc, m.topic, m.importance, C.scorable(m, false), C.scorable(m, true), C.usable(m)];
        const b = [q.section, q.doc, q.topic, q.importance, C.scorable(q, false), C.scorable(q, true), C.usable(q)];
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push([m.id, a, b]); });
      done({diff: out, n: C.all.length, full: QUIZ_BANK.questions.length}); }))""")
    assert diff["diff"] == [] and diff["n"] == diff["full"] > 100
