"""Former addresses answer programs too (issue 30): the build writes its redirects as server
rules (an nginx include, a Netlify/Cloudflare _redirects), and a real nginx with
examples/hosting/nginx.conf answers an old address with 301 to the new one, at the site's
root and under a subpath."""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator import pipeline

from .conftest import ROOT
from .nginx import free_port, nginx_path, server_config

#: Needs nginx, which make test installs with the browser tools.
pytestmark = pytest.mark.browser

#: A former id in the handbook's content, and the exercise it became.
OLD, NEW = "foot-massage", "ball-roll"


def _build(tmp: Path, site_url: str) -> Path:
    site = tmp / "site"
    pipeline.build(ROOT / "content", tmp / "docs", site, ROOT / "mkdocs.yml", site_url, jobs=1)
    return site


def _head(base_url: str, path: str) -> tuple[int, str | None]:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def _moved(location: str | None) -> str | None:
    return urlsplit(location).path if location else None


def test_old_addresses_answer_301_behind_the_example_nginx(served: Any) -> None:
    site, base_url, _book = served
    assert f"/exercises/{OLD}/ /exercises/{NEW}/ 301\n" in (site / "_redirects").read_text()
    for folder in ("", "es/", "de/"):
        for old, new in (
            (f"exercises/{OLD}/", f"exercises/{NEW}/"),
            (f"embed/exercises/{OLD}/", f"embed/exercises/{NEW}/"),
            (f"oembed/exercises/{OLD}.json", f"oembed/exercises/{NEW}.json"),
        ):
            status, location = _head(base_url, f"/{folder}{old}")
            assert (status, _moved(location)) == (301, f"/{folder}{new}"), old
    assert _head(base_url, f"/exercises/{NEW}/")[0] == 200
    page = (site / "exercises" / OLD / "index.html").read_text(encoding="utf-8")
    assert (
        f'<link rel="alternate" type="application/json+oembed" '
        f'href="{base_url}oembed/exercises/{NEW}.json"' in page
    )


def test_old_addresses_answer_301_under_a_subpath(tmp_path: Path) -> None:
    port = free_port()
    site = _build(tmp_path, f"http://127.0.0.1:{port}/handbook/")
    assert (
        f"location = /handbook/es/exercises/{OLD}/ " in (site / "redirects.nginx.conf").read_text()
    )
    folder = tmp_path / "nginx"
    folder.mkdir()
    # The README's subpath set-up: the site under /handbook/, the rules file included as is.
    config = server_config(site, folder, port).replace(
        f"include {folder / 'handbook.conf'};",
        f"location /handbook/ {{ alias {site}/; }}\n        include {site}/redirects*.conf;",
    )
    (folder / "nginx.conf").write_text(config)
    command = [str(nginx_path()), "-p", str(folder), "-c", str(folder / "nginx.conf")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not listen"
                time.sleep(0.05)
        base_url = f"http://127.0.0.1:{port}/"
        status, location = _head(base_url, f"/handbook/es/exercises/{OLD}/")
        assert (status, _moved(location)) == (301, f"/handbook/es/exercises/{NEW}/")
        status, location = _head(base_url, f"/handbook/oembed/exercises/{OLD}.json")
        assert (status, _moved(location)) == (301, f"/handbook/oembed/exercises/{NEW}.json")
        assert _head(base_url, f"/handbook/exercises/{NEW}/")[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()
