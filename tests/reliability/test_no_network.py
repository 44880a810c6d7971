"""No network: importing every module and running every stage opens no connection.

The stages run in a fresh interpreter so that import-time behaviour of the heavy libraries
(spaCy, Presidio, tldextract, transformers, BERTopic) is observed too: in this pytest process
they are usually imported already by earlier tests. Before anything else is imported the child
replaces socket.connect / connect_ex / create_connection and the DNS look-ups with recorders that
refuse. Creating a socket without connecting (urllib3 probes IPv6 that way at import) is not a
connection and is only reported. The child gets no HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE: the
tool has to keep itself offline.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from tests.conftest import DEMO_DIR, REPO

DRIVER = """\
import json, socket, sys
calls = {"connect": [], "dns": [], "created": []}

def refuse(kind):
    def fn(*args, **kwargs):
        calls[kind].append(repr(args[1:] if kind == "connect" else args)[:200])
        raise OSError("network disabled by test_no_network")
    return fn

socket.socket.connect = refuse("connect")
socket.socket.connect_ex = refuse("connect")
socket.create_connection = refuse("connect")
for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
    setattr(socket, name, refuse("dns"))
_init = socket.socket.__init__

def created(self, family=-1, *args, **kwargs):
    if family in (socket.AF_INET, socket.AF_INET6):
        calls["created"].append(int(family))
    _init(self, family, *args, **kwargs)

socket.socket.__init__ = created

import importlib, pkgutil, research
modules = [m.name for m in pkgutil.walk_packages(research.__path__, "research.")]
for name in modules:
    importlib.import_module(name)

from research.cli import main
root, files = sys.argv[1], sys.argv[2:]
p = ["--project", root]
steps = [
    ["init", root],
    ["import", *files, *p],
    ["anonymise", *p],
    ["code", "--auto", *p],
    ["themes", *p],
    ["export", "report", "--format", "md", *p],
    ["export", "refi", "--out", root + "/study.qdpx", *p],
    ["audit", "--out", root + "/audit.html", *p],
]
codes = [main(argv) for argv in steps]
print("RESULT " + json.dumps({"modules": len(modules), "codes": codes, **calls}), flush=True)
"""


@pytest.mark.models
@pytest.mark.slow
def test_importing_and_running_every_stage_opens_no_connection(tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = {
        k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    }
    env |= {"RESEARCH_PASSPHRASE": "no network passphrase", "PYTHONPATH": str(REPO)}
    files = [
        DEMO_DIR / "fg05_districts_mixed_grades.txt",
        DEMO_DIR / "fg01_sandwell_race_network.vtt",
        DEMO_DIR / "int02_sandwell_social_worker.txt",
    ]
    proc = subprocess.run(
        [sys.executable, str(driver), str(tmp_path / "proj"), *map(str, files)],
        env=env, capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    line = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")]
    assert proc.returncode == 0 and line, proc.stderr[-3000:]
    result = json.loads(line[0][7:])
    assert result["modules"] > 50
    assert result["codes"] == [0] * 8, proc.stderr[-3000:]
    assert result["connect"] == [], result["connect"]
    assert result["dns"] == [], result["dns"]
    assert (tmp_path / "proj" / "study.qdpx").stat().st_size > 0
    themes = (tmp_path / "proj" / "exports").rglob("*.md")
    assert any("6.1" in p.read_text(encoding="utf-8") for p in themes)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_itself_runs_with_sockets_blocked():
    """pytest-socket (addopts: --disable-socket) refuses any internet socket in tests."""
    from pytest_socket import SocketBlockedError

    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
