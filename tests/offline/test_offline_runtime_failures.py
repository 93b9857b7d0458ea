"""The offline copy's page-thread runtime (file://) fails in Chinese too: a calculation that fails
inside Python says so in Chinese (no engine or English text) and the page keeps working; a payload
missing from the copy asks for a new offline copy. Each on a private copy of the unzipped bundle."""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import pytest

from build_scripts.offline_bundle import pyodide_payload, snapshot
from tests.browser_actions import calculator_spec, fill_calculator
from tests.pyodide.test_runtime_failures import ENGLISH, failing_engine_wheel

pytestmark = pytest.mark.browser
TIMEOUT = 120_000
PAYLOAD = "assets/offline-pyodide"


@pytest.fixture
def copy_root(offline_root, tmp_path):
    dest = tmp_path / "copy"
    shutil.copytree(offline_root, dest)
    return dest


def _wheel_name(root) -> str:
    (script,) = (root / PAYLOAD).glob("data-*.whl.js")
    return script.name[len("data-"):-len(".js")]


def _payload_bytes(script_text: str) -> bytes:
    import base64

    url = json.loads(script_text.split("]=", 1)[1].rstrip(";\n"))
    return base64.b64decode(url.split(",", 1)[1])


def test_failed_calculation_from_file_url_is_chinese_and_page_stays_usable(file_page, copy_root):
    name = _wheel_name(copy_root)
    script = copy_root / PAYLOAD / f"data-{name}.js"
    wheel = failing_engine_wheel(_payload_bytes(script.read_text(encoding="utf-8")))
    script.write_text(pyodide_payload.data_script(name, wheel), encoding="utf-8")
    lock_js = copy_root / PAYLOAD / "lock.js"
    lock = json.loads(lock_js.read_text(encoding="utf-8").split("=", 1)[1].rstrip(";\n"))
    for entry in lock["packages"].values():
        entry["sha256"] = hashlib.sha256(wheel).hexdigest()
    lock_js.write_text(pyodide_payload.lock_script(json.dumps(lock)), encoding="utf-8")

    file_page.goto((copy_root / "tools" / "attendance.html").as_uri())
    file_page.wait_for_selector(".zc-calc[data-wired]")
    fill_calculator(file_page, calculator_spec(file_page), {"period": "month", "days_in_village": "13"})
    file_page.click(".zc-submit")
    file_page.wait_for_selector(".zc-calc[data-error=engine]", timeout=TIMEOUT)
    text = file_page.inner_text(".zc-status")
    assert "这次计算没有完成" in text and not ENGLISH.search(text), text
    article = file_page.inner_text("article")
    assert "Unexpected" not in article and "Traceback" not in article
    file_page.fill("#zc-f-days_in_village", "20")
    file_page.click(".zc-submit")
    file_page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=TIMEOUT)
    assert not file_page.page_errors


def test_missing_payload_asks_for_a_new_offline_copy(file_page, copy_root, artifacts_dir):
    (copy_root / PAYLOAD / "data-pyodide.asm.wasm.js").unlink()
    file_page.goto((copy_root / "tools" / "attendance.html").as_uri())
    file_page.wait_for_selector(".zc-calc[data-stage=failed]", timeout=TIMEOUT)
    text = file_page.inner_text(".zc-status")
    assert "文件校验失败" in text and "更新离线副本" in text and not ENGLISH.search(text), text
    assert not re.search(r"assets/|\.js\b|file:", text)
    assert file_page.locator(".zc-retry").is_visible()
    (artifacts_dir / "offline").mkdir(exist_ok=True)
    file_page.screenshot(path=str(artifacts_dir / "offline" / "file-calc-failed.png"), full_page=True)


def test_damaged_snapshot_asks_for_a_new_offline_copy(file_page, copy_root):
    """The memory snapshot's script is there but its gzip is cut (build_scripts/offline_bundle/snapshot.py)."""
    script = copy_root / PAYLOAD / f"data-{snapshot.NAME}.js"
    cut = _payload_bytes(script.read_text(encoding="utf-8"))[: 100_000]
    script.write_text(pyodide_payload.data_script(snapshot.NAME, cut), encoding="utf-8")
    file_page.goto((copy_root / "tools" / "attendance.html").as_uri())
    file_page.wait_for_selector(".zc-calc[data-stage=failed]", timeout=TIMEOUT)
    text = file_page.inner_text(".zc-status")
    assert "文件校验失败" in text and "更新离线副本" in text and not ENGLISH.search(text), text
