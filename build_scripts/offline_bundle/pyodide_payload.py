"""Classic scripts that carry Pyodide's binary files for file://: each sets one data: URL
(base64) in globalThis.__zcOfflineFiles, keyed by the file name the loader fetches."""

from __future__ import annotations

import base64
import json
from pathlib import Path

MIME = {".wasm": "application/wasm", ".zip": "application/zip", ".whl": "application/zip", ".gz": "application/gzip"}


def data_script(name: str, data: bytes) -> str:
    mime = MIME.get(Path(name).suffix, "application/octet-stream")
    url = f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
    return f"(globalThis.__zcOfflineFiles||(globalThis.__zcOfflineFiles={{}}))[{json.dumps(name)}]={json.dumps(url)};\n"


def lock_script(lock_text: str) -> str:
    return f"globalThis.__zcOfflineLock={json.dumps(json.loads(lock_text), separators=(',', ':'))};\n"
