"""Window sizes that fit the screen: a branch laptop is often 1366x768."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window frame (title bar, borders) around the client area.
FRAME_MARGIN = (16, 48)


def available_size(widget: QWidget) -> tuple[int, int]:
    """The usable width and height (without the task bar) of the widget's screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return area.width(), area.height()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, shrunk so the window and its frame fit on
    the screen (never below the widget's minimum size hint)."""
    screen_width, screen_height = available_size(widget)
    minimum = widget.minimumSizeHint()
    width = min(width, screen_width - FRAME_MARGIN[0])
    height = min(height, screen_height - FRAME_MARGIN[1])
    widget.resize(max(width, minimum.width(), 1), max(height, minimum.height(), 1))
