"""A real nginx for tests: examples/hosting/nginx.conf, as a host would include it, serving a
built site on a free loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .conftest import ROOT

FRAGMENT = ROOT / "examples" / "hosting" / "nginx.conf"
#: The site folder as examples/hosting/nginx.conf writes it.
SITE_FOLDER = "/srv/foot-handbook/site"
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_path() -> Path:
    """The nginx binary (Debian's nginx-light, from scripts/install-system-deps)."""
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if not found:
        raise RuntimeError("nginx is missing: run scripts/install-system-deps (make test does)")
    return Path(found)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def server_config(site: Path, folder: Path, port: int) -> str:
    """An nginx.conf for `folder` (pid, logs, temporary files) whose one server includes the
    hosting example with `site` in place of its site folder."""
    fragment = FRAGMENT.read_text("utf-8")
    if SITE_FOLDER not in fragment:
        raise ValueError(f"{FRAGMENT} no longer names its site folder {SITE_FOLDER}")
    (folder / "handbook.conf").write_text(fragment.replace(SITE_FOLDER, str(site)), "utf-8")
    temporary = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # Workers run as the user running the tests; nginx started by root would otherwise switch
    # them to nobody, who may not read a site under the tests' private temporary folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
{temporary}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {folder / "handbook.conf"};
    }}
}}
"""


@contextmanager
def nginx_server(site: Path, folder: Path, port: int | None = None) -> Iterator[str]:
    """Serve `site` with nginx and the hosting example; yields the base URL (trailing slash).
    `folder` holds the configuration and logs; `port` is free_port() unless given (to build a
    site for its address before serving it)."""
    port = port or free_port()
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "nginx.conf"
    config.write_text(server_config(site, folder, port), "utf-8")
    nginx = nginx_path()
    command = [str(nginx), "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log")]
    test = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if test.returncode:
        raise RuntimeError(f"nginx refuses the configuration: {test.stderr.strip()}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:  # wait until nginx accepts connections
            if process.poll() is not None:
                error = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"nginx stopped: {error.strip()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not listen on port {port}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
