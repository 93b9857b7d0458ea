"""The example nginx config (build_scripts/serve/nginx-site.conf), run by nginx against the built site:
compressed siblings are sent with Content-Encoding and the right types, the plain file otherwise, and a
missing page gets the Chinese 404. Debian's nginx-light and brotli-static module (dev_env.sh installs them)."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import ROOT

CONF = ROOT / "build_scripts" / "serve" / "nginx-site.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_url(built_site, tmp_path_factory):
    if not (os.path.exists(NGINX) and os.path.exists(BROTLI)):
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing under CI=true: run build_scripts/dev_env.sh (apt-get install nginx-light)")
        pytest.skip("nginx not installed (apt-get install nginx-light libnginx-mod-http-brotli-static)")
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    server = CONF.read_text(encoding="utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(
        "root /var/www/zhucun-kb;", f"root {built_site};")
    assert str(built_site) in server and str(port) in server
    # Run as root (CI: `bash .ci/run` on a clean clone), nginx starts its workers as `nobody`, who cannot
    # read the built site under pytest's private temporary folder (mode 0700): every file would be 403.
    # The workers run as the user running the tests instead, as they do anyway when that user is not root.
    user = ""
    if os.geteuid() == 0:
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"
    (prefix / "nginx.conf").write_text(
        f"load_module {BROTLI};\n{user}"
        f"pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\nevents {{}}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {prefix};\nproxy_temp_path {prefix};\n"
        f"fastcgi_temp_path {prefix};\nuwsgi_temp_path {prefix};\nscgi_temp_path {prefix};\n{server}\n}}\n",
        encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        if proc.poll() is not None:
            pytest.fail(f"nginx did not start: {proc.stdout.read().decode(errors='replace')}")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            break
        except urllib.error.HTTPError as e:
            proc.terminate()
            proc.wait(timeout=10)
            log = (prefix / "error.log").read_text(errors="replace")[-2000:]
            pytest.fail(f"nginx answers {e.code} for the home page:\n{log}")
        except OSError:
            time.sleep(0.1)
    else:
        proc.terminate()
        pytest.fail("nginx did not answer within 10 s")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _get(url: str, encoding: str | None):
    req = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.mark.parametrize("path, ctype", [("assets/pyodide/pyodide.asm.wasm", "application/wasm"),
                                         ("assets/pyodide/pyodide.mjs", "text/javascript"),
                                         ("index.html", "text/html"),
                                         ("search/index.js", "text/javascript"),
                                         ("clauses.json", "application/json")])
def test_compressed_siblings_are_sent(nginx_url, built_site, path, ctype):
    for accept, enc in (("br, gzip", "br"), ("gzip", "gz")):
        status, headers, body = _get(nginx_url + path, accept)
        assert status == 200 and headers["Content-Type"].startswith(ctype), headers
        assert headers.get("Content-Encoding") == {"br": "br", "gz": "gzip"}[enc], (path, accept, headers)
        assert body == (built_site / f"{path}.{enc}").read_bytes()
    status, headers, body = _get(nginx_url + path, None)
    assert "Content-Encoding" not in headers and body == (built_site / path).read_bytes()


def test_missing_page_gets_the_chinese_404(nginx_url):
    status, headers, body = _get(nginx_url + "regulations/no-such-page.html", "gzip")
    assert status == 404
    import gzip
    text = (gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body).decode("utf-8")
    assert "找不到这一页" in text and "回到首页" in text
