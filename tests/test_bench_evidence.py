"""The evidence-import bench (tests/bench/evidence_import.py) reads what it says it reads: a
Takeout-like mbox whose messages, threads and attachments are as counted, and a Telegram
export the reader takes whole; and its targets' PASS/MISS come from its figures. (Running the
part itself takes about a minute: `make bench BENCH_ARGS="--only evidence"`.)"""
from __future__ import annotations

from tests.bench import evidence_files as files
from tests.bench import evidence_import as bench

from journal.domain.evidence.email import read_mbox
from journal.domain.evidence.telegram import read_telegram


def test_the_mbox_is_what_its_figures_say(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MBOX_MESSAGES", 60)
    monkeypatch.setattr(files, "MBOX_BYTES", 3 * 10**6)
    path = tmp_path / "Support.mbox"
    made = files.make_mbox(path)
    conversations = read_mbox(path.read_bytes(), path.name)
    messages = [m for c in conversations for m in c.messages]
    assert made["messages"] == len(messages) == 60
    assert made["threads"] == len(conversations) > 5
    assert made["with_attachments"] == sum(bool(m.attachments) for m in messages) == 12
    assert made["attachments"] == sum(len(m.attachments) for m in messages)
    assert 0.97 * 3e6 <= made["bytes"] <= 1.03 * 3e6
    assert made["attachment_bytes"] == sum(len(f.data) for m in messages for f in m.attachments)
    assert made["html_only"] > 0
    assert any("账户" in m.text or "提现" in m.text for m in messages)
    assert any(not f.name.isascii() for m in messages for f in m.attachments)
    assert files.make_mbox(tmp_path / "again.mbox") == made     # the same seed, the same file
    assert (tmp_path / "again.mbox").read_bytes() == path.read_bytes()


def test_the_telegram_export_is_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "TELEGRAM_MESSAGES", 400)
    made = files.make_telegram(tmp_path / "export")
    folder = tmp_path / "export"
    chat = read_telegram((folder / "result.json").read_bytes(), "result.json",
                         files=lambda p: (folder / p).read_bytes())
    assert made["messages"] == len(chat.messages) == 400
    assert sum(len(m.attachments) for m in chat.messages) == made["photos"] > 0


def test_each_target_passes_or_misses_on_its_own_figure():
    res = {"mbox": {"messages": 1000, "bytes": 10**8}, "telegram": {"messages": 20000},
           "mbox_preview": {"seconds": 3.2}, "mbox_import": {"seconds": 19.0,
                                                            "above_baseline_mb": 299.0},
           "telegram_import": {"failed": "BadInput"}}
    rows = {r["name"].split(",")[0]: r["result"] for r in bench.target_rows(res)}
    assert rows == {"evidence: mbox preview (read_evidence)": "MISS",
                    "evidence: mbox import (import_evidence)": "PASS",
                    "evidence: mbox import": "PASS",
                    "evidence: Telegram import": "SKIP"}
