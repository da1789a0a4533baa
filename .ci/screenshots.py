"""Offscreen screenshots of every main-window page on a 300-client demo portfolio.

    uv run python .ci/screenshots.py OUT_DIR [--readme]

Writes OUT_DIR/{zh,en}-<page>.png; with --readme also refreshes the two README
screenshots under docs/. Look at the images before committing them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from db.connection import open_database
from desktop.core import paths
from desktop.core.demo import generate_demo
from desktop.core.startup import open_session
from desktop.ui import i18n
from desktop.ui.app import create_application
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["clients", "scorecards", "pipeline", "memos", "settings"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--readme", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="h2shots-"))
    paths.set_data_dir(work / "data")
    db_path = work / "demo.sqlite3"
    db = open_database(db_path)
    generate_demo(db, clients=300)
    db.close()
    app = create_application(["screenshots"], "zh_CN")
    window = MainWindow(open_session(db_path, demo=True))
    window.resize(1400, 860)
    window.show()
    for lang in ("zh_CN", "en"):
        i18n.install_language(lang)
        for index, page in enumerate(PAGES):
            window.show_page(index)
            app.processEvents()
            window.grab().save(str(args.out / f"{lang[:2]}-{page}.png"))
    if args.readme:
        shutil.copy(args.out / "zh-clients.png", ROOT / "docs" / "screenshot-zh.png")
        shutil.copy(args.out / "en-clients.png", ROOT / "docs" / "screenshot-en.png")
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
