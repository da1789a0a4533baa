"""The app never disconnects a signal by slot.

PySide6's ``SignalInstance.disconnect(slot)`` loses a reference to ``True`` on
each call on this Python (see tests/conftest.py); in a long session that would
end in a fatal "bool_dealloc" error. Keep connection handles and call
``QObject.disconnect(handle)`` instead, which is balanced.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

ROOT = Path(__file__).resolve().parents[2]
SLOT_DISCONNECT = re.compile(r"\.disconnect\(\s*[^)\s]")


def test_no_disconnect_by_slot_in_the_app() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SLOT_DISCONNECT.search(line) and "QObject.disconnect(" not in line
    ]
    assert offenders == []


def test_disconnect_by_handle_keeps_the_bools_balanced() -> None:
    class Probe(QObject):
        fired = Signal()

    probe = Probe()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        handle = probe.fired.connect(lambda: None)
        QObject.disconnect(handle)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert abs(after[0] - before[0]) < 50 and abs(after[1] - before[1]) < 50
