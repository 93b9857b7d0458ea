"""The diary page's Markdown: a form shell; every data string escaped, its data as escaped JSON in a
data- attribute (as the calculator pages do), no inline script (CSP)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from build_scripts.calculator_pages import download_size, modules
from build_scripts import citations
from build_scripts.calculator_pages import pages as calc_pages
from build_scripts.calculator_pages import render as calc_render
from build_scripts.calculator_pages.spec import rule_set_cites
from build_scripts.pyodide import artifacts
from build_scripts.safe_text import front_matter, html_text

ASSETS = "../assets/calculators"
SRC_URI = "diary/index.md"


def config() -> dict[str, Any]:
    diary = artifacts.import_calculators("calculators.diary")
    described = diary.describe()
    ids = [r["id"] for r in described["rule_sets"]]
    return {**described, "cites": citations.links(rule_set_cites(ids), SRC_URI.rpartition("/")[0]),
            "readings": [list(r) for r in diary.READINGS]}


def _options(items: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{html_text(v)}">{html_text(label)}</option>' for v, label in items)


def page(docs_dir: Path) -> str:
    cfg = config()
    token = calc_pages.version_token(docs_dir)
    manifest = calc_pages.runtime_manifest()
    runtime = modules.runtime_attr(modules.online_runtime("../", token, manifest))
    rules = _options([(r["id"], f"{r['jurisdiction']}：{r['title']}") for r in cfg["rule_sets"]])
    roles = _options(list(cfg["roles"].items()))
    return f"""{front_matter(title="我的驻村台账", runtime_preload=calc_render.runtime_preload(token, manifest))}
# 我的驻村台账

每天点一下，记下在村、住宿、请假、公出；台账按你所适用的制度随时算出本月、本年的驻村天数，离条文规定的界线还差几天，每一句都附条文。记录只保存在本机浏览器里，不会发送出去。

<div class="zd-diary" {runtime} data-config="{html_text(json.dumps(cfg, ensure_ascii=False, separators=(",", ":")))}">
<details class="zd-profile" open><summary class="zd-profile-summary">个人设置</summary>
<form class="zd-profile-form" novalidate autocomplete="off">
<div class="zd-field" data-field="rules"><label for="zd-rules">适用的制度</label><select id="zd-rules" name="rules"><option value="">请选择</option>{rules}</select><p class="zd-error" role="alert" hidden></p></div>
<div class="zd-field" data-field="role"><label for="zd-role">身份</label><select id="zd-role" name="role"><option value="">请选择</option>{roles}</select><p class="zd-error" role="alert" hidden></p></div>
<div class="zd-field" data-field="start"><label for="zd-start">本轮驻村开始日期</label><input id="zd-start" name="start" type="date"><p class="zd-error" role="alert" hidden></p></div>
<div class="zd-field" data-field="name"><label for="zd-name">姓名（选填，打印请假条、考勤表用）</label><input id="zd-name" name="name" type="text" maxlength="40"></div>
<div class="zd-field" data-field="unit"><label for="zd-unit">派出单位（选填）</label><input id="zd-unit" name="unit" type="text" maxlength="60"></div>
<button type="submit" class="md-button md-button--primary zd-save-profile">保存设置</button>
</form></details>
<section class="zd-today" aria-label="今天"><button type="button" class="md-button md-button--primary zd-today-btn" disabled>今天在村</button><button type="button" class="md-button zd-today-night" hidden disabled>今天在村住宿</button><p class="zd-today-note" role="status"></p></section>
<section class="zd-status-box" aria-labelledby="zd-h-status"><h2 id="zd-h-status">我现在的情况</h2><p class="zd-runtime" role="status" aria-live="polite">{html_text(download_size.preparing_text(calc_pages.runtime_sizes()))}</p><button type="button" class="md-button zd-retry" hidden>重试</button><ul class="zd-lines" aria-live="polite"></ul><p class="zd-readings-link"><a href="../compare/readings.html">台账的读法（解读说明）</a></p></section>
<section class="zd-calendar-box" aria-labelledby="zd-h-cal"><h2 id="zd-h-cal">日历</h2>
<div class="zd-palette" role="radiogroup" aria-label="点日期时记为"></div>
<p class="zd-range-row"><label><input type="checkbox" class="zd-range"> 选一段日期（先点开始日，再点结束日）</label></p>
<div class="zd-month-nav"><button type="button" class="md-button zd-prev" aria-label="上个月">‹</button><span class="zd-month-title" aria-live="polite"></span><button type="button" class="md-button zd-next" aria-label="下个月">›</button></div>
<div class="zd-grid" role="grid"></div>
<ul class="zd-errors" role="alert"></ul>
</section>
<section class="zd-leave-box" aria-labelledby="zd-h-leave"><h2 id="zd-h-leave">请假</h2>
<form class="zd-leave-form" novalidate autocomplete="off">
<div class="zd-field" data-field="leave_start"><label for="zd-leave-start">开始日期</label><input id="zd-leave-start" name="leave_start" type="date"><p class="zd-error" role="alert" hidden></p></div>
<div class="zd-field" data-field="leave_end"><label for="zd-leave-end">结束日期</label><input id="zd-leave-end" name="leave_end" type="date"><p class="zd-error" role="alert" hidden></p></div>
<div class="zd-field" data-field="reason"><label for="zd-leave-reason">事由</label><input id="zd-leave-reason" name="reason" type="text" maxlength="100"></div>
<button type="submit" class="md-button md-button--primary zd-leave-check">查审批人</button>
</form>
<div class="zd-leave-result" hidden></div>
<ul class="zd-requests"></ul>
</section>
<section class="zd-records" aria-labelledby="zd-h-records"><h2 id="zd-h-records">记录导出与备份</h2>
<p class="zd-backup-note" role="status"></p>
<p class="zd-buttons"><button type="button" class="md-button zd-print-month">打印本月考勤表</button><button type="button" class="md-button zd-xlsx">导出 Excel 表格</button><button type="button" class="md-button zd-csv">导出 CSV 表格</button><button type="button" class="md-button zd-backup">备份到文件</button><label class="md-button zd-import-label">从备份文件导入<input type="file" class="zd-import" accept=".json,application/json" hidden></label></p>
<p class="zd-import-result" role="status"></p>
</section>
<div class="zd-print" aria-hidden="true"></div>
</div>
<link rel="stylesheet" href="{ASSETS}/diary.css?v={html_text(token)}">
<link rel="stylesheet" href="../assets/storage/storage.css">
<script src="../assets/storage/storage.js"></script>
{modules.page_tags("../", token, "diary-page.mjs")}
"""
