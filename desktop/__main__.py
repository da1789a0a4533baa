"""``python -m desktop``: the same launcher as the ``h2desk`` command.

Also the entry script of both PyInstaller executables (build.spec); it uses an
absolute import because a frozen script runs without a parent package.
"""

import sys

from desktop.cli import main, main_gui

if __name__ == "__main__":
    # The windowed executable (h2desk-gui.exe) has no stdout/stderr; main_gui
    # sends messages to the log folder instead.
    sys.exit(main_gui() if sys.stdout is None or sys.stderr is None else main())
