"""Markdown (with raw HTML forms) for the calculator pages and the tools index."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from build_scripts.pyodide.stdlib import STDLIB_NAME
from build_scripts.safe_text import front_matter, md_text

from . import download_size, modules
from .spec import CalculatorSpec

ASSETS = "../assets/calculators"


def _attr(value: Any) -> str:
    return escape(str(value), quote=True)


def _options(f: dict[str, Any], required: bool) -> str:
    first = '<option value="" selected>请选择</option>' if required else '<option value="">（不填）</option>'
    return first + "".join(f'<option value="{_attr(c["value"])}">{escape(c["label"])}</option>' for c in f["choices"])


def _field_control(f: dict[str, Any]) -> str:
    name, fid = f["name"], f"zc-f-{f['name']}"
    common = f'name="{_attr(name)}" aria-describedby="{fid}-help {fid}-err"'
    t = f["type"]
    if t == "list":
        n = int(f.get("max_items") or 2)
        return "".join(
            f'<select id="{fid}{"" if i == 0 else f"-{i}"}" {common} aria-label="{escape(f["label"])} 第{i + 1}项">'
            f"{_options(f, False)}</select>"
            for i in range(n)
        )
    if f.get("choices"):
        return f'<select id="{fid}" {common}>{_options(f, f["required"])}</select>'
    if t in ("boolean", "bool"):
        yes_no = {**f, "choices": [{"value": "true", "label": "是"}, {"value": "false", "label": "否"}]}
        return f'<select id="{fid}" {common}>{_options(yes_no, f["required"])}</select>'
    if t in ("integer", "int", "number", "float"):
        # A text box with a number keypad: a number box would drop what it cannot read ("1。5" → 15,
        # "1/2" → 12) before the page sees it; checks.mjs reads the text or says what is wrong.
        mode = "numeric" if t in ("integer", "int") else "decimal"
        return f'<input type="text" inputmode="{mode}" spellcheck="false" id="{fid}" {common}>'
    return f'<input type="text" id="{fid}" {common}>'


def _field_block(f: dict[str, Any]) -> str:
    fid = f"zc-f-{f['name']}"
    req = '<span class="zc-req" title="必填">*</span>' if f["required"] else '<span class="zc-opt">选填</span>'
    unit = f'<span class="zc-unit">{escape(str(f["unit"]))}</span>' if f.get("unit") else ""
    return (
        f'<div class="zc-field" data-field="{_attr(f["name"])}">'
        f'<label for="{fid}">{escape(f["label"])} {req}</label>'
        f'<div class="zc-control">{_field_control(f)}{unit}</div>'
        f'<p class="zc-error" id="{fid}-err" role="alert" hidden></p>'
        f'<p class="zc-help" id="{fid}-help">{escape(f["help"])}</p>'
        "</div>"
    )


def _rules_block(spec: CalculatorSpec) -> str:
    opts = "".join(f'<option value="{_attr(r["id"])}">{escape(r["title"])}</option>' for r in spec.rule_sets)
    return (
        '<div class="zc-field zc-rules" data-field="rules">'
        '<label for="zc-f-rules">适用的制度 <span class="zc-req" title="必填">*</span></label>'
        f'<div class="zc-control"><select id="zc-f-rules" name="rules" aria-describedby="zc-f-rules-err">{opts}</select></div>'
        '<p class="zc-help">只列出规定了这一事项的文件；结果中的每条结论都链接到原条文。</p>'
        '<p class="zc-error" id="zc-f-rules-err" role="alert" hidden></p>'
        "</div>"
    )


# Runtime files the Web Worker downloads (pyodide-config.mjs: the standard library with the page's ?v=
# token, the others as named), preloaded by the page just after its first paint (overrides/main.html,
# `runtime_preload`; the calculator pages and 我的驻村台账), so a phone's link is busy with them from about
# the first paint instead of after the page scripts, the service worker's start (sw-in-charge.mjs), the
# worker and its modules, yet leaves the line to the page's CSS and scripts until then; the worker's own
# fetches of the same URLs are answered by the browser's HTTP cache, joining a download still under way
# (tests/pyodide/test_calculator_pages.py checks that the worker asks for exactly these URLs). Not the
# wasm: a host that sends it with `no-store` (tests/offline/test_pwa.py) would have a phone download its
# 2.7 MB twice; the 1.1 MB preloaded here outlast the worker's start, so the wasm still follows at once.


def runtime_preload(token: str, runtime: dict[str, Any]) -> list[str]:
    """Site-relative URLs of the runtime files to preload: the wasm's JS factory, the standard library
    and the wheel (not the wasm, see above, nor the small lock and loader, which wait for no one)."""
    wheel = [n for n in runtime["files"] if n.endswith(".whl")]
    names = ["pyodide.asm.mjs", f"{STDLIB_NAME}?v={token}", *wheel]
    return [f"{modules.PYODIDE}{n}" for n in names]


def calculator_page(spec: CalculatorSpec, token: str, runtime: dict[str, Any], sizes: dict[str, int]) -> str:
    """runtime: {"total": bytes the worker downloads, "files": {name: {"bytes", "sha256"}}} (the build's
    manifest: the worker checks its downloads against it); sizes: what the page downloads (download_size)."""
    data = json.dumps(spec.browser_spec(), ensure_ascii=False, separators=(",", ":"))
    fields = "".join(_field_block(f) for f in spec.fields)
    summary = f"\n{md_text(spec.summary)}\n" if spec.summary else ""
    return f"""{front_matter(title=spec.title, runtime_preload=runtime_preload(token, runtime))}
# {md_text(spec.title)}
{summary}
填写下面的情况，选择适用的制度，点“计算”。计算在本机浏览器里进行，填写的内容不会发送出去；上次填写的内容保存在本机，下次打开自动带出。

<div class="zc-calc" data-calculator="{_attr(spec.name)}" {modules.runtime_attr(modules.online_runtime("../", token, runtime))} data-spec="{_attr(data)}"><form class="zc-form" novalidate autocomplete="off">{_rules_block(spec)}{fields}<div class="zc-actions"><button type="submit" class="md-button md-button--primary zc-submit" disabled>计算</button><button type="reset" class="md-button zc-reset">清空</button></div><div class="zc-runtime"><p class="zc-status" role="status" aria-live="polite">{download_size.preparing_text(sizes)}</p><button type="button" class="md-button zc-retry" hidden>重试</button></div><progress class="zc-progress" max="1" value="0" hidden></progress></form><p class="zc-stale-note" role="status" hidden>填写的内容改过了，下面是改动前的结果，仅供对照；请点“计算”得到新结果。</p><section class="zc-result" aria-live="polite" hidden></section><link rel="stylesheet" href="{ASSETS}/calculators.css?v={token}"></div>

{modules.page_tags("../", token, "page.mjs")}
"""


def index_page(specs: list[CalculatorSpec], sizes: dict[str, int]) -> str:
    rows = "\n".join(
        f"| [{md_text(s.title)}]({s.slug}.md) | {md_text(s.summary or '—')} | "
        f"{'、'.join(md_text(r['title']) for r in s.rule_sets) or '—'} |"
        for s in specs
    )
    return f"""---
title: 计算工具
---

# 计算工具

按所在地的制度计算考勤、请假审批、考核等次、优秀名额和人选资格。每个结论都链接到它所依据的条文；条文有重叠、空档或没有规定的，结果会如实说明，不替你选一种理解。

| 工具 | 回答的问题 | 支持的制度 |
|---|---|---|
{rows}

计算在你的手机或电脑上的浏览器里进行，填写的内容不会上传。第一次打开计算页面时要下载{download_size.size_phrase(sizes)}的计算环境，之后从本机读取。
"""
