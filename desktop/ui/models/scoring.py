"""Item models of the scorecard screens.

* :class:`FactorTableModel` -- one client's score, dimension header rows with
  their factors underneath (value, where it came from, points, reason). Judgement
  values are edited in place (the dialog answers through :attr:`answer_edited`),
  profile/financial values too in what-if mode (:attr:`override_edited`). A new
  score of the same template only emits ``dataChanged``; a new template resets.
* :class:`ComparisonModel` -- two snapshots side by side, changed rows highlighted.
* :class:`BatchResultModel` -- the :func:`score_portfolio` DataFrame, read lazily
  (no item objects; 100,000 rows cost their column arrays), sortable.
* :func:`latest_scores` -- each client's newest snapshot, for the scorecards page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import sqlite_utils
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.money import yuan_to_wan_str
from desktop.core.scoring.engine import (
    MISSING,
    MULTIPLE_KEYS,
    NOT_SCORED,
    DimensionResult,
    FactorResult,
    ScoreResult,
)
from desktop.core.scoring.inputs import (
    BOOL,
    COUNT,
    MONEY,
    RATIO,
    SOURCES,
    YEARS,
)
from desktop.core.scoring.templates import Factor
from desktop.ui import i18n
from desktop.ui.timefmt import local_time

Index = QModelIndex | QPersistentModelIndex

FACTOR_ROLE = Qt.ItemDataRole.UserRole + 10  # the template's Factor (None on dimension rows)
RESULT_ROLE = Qt.ItemDataRole.UserRole + 11  # FactorResult or DimensionResult
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 12  # bool: differs from the other side / real score

MISSING_COLOUR = "#757575"
STOPPED_COLOUR = "#b71c1c"
DIMENSION_BACKGROUND = "#eef3f8"
WHAT_IF_BACKGROUND = "#fff3c4"
CHANGED_BACKGROUND = "#fff3c4"
UP_COLOUR = "#1b7a3d"
DOWN_COLOUR = "#b71c1c"

# What-if editable kinds (sets and categories are not typed in).
EDITABLE_KINDS = frozenset({MONEY, RATIO, COUNT, YEARS, BOOL})


def _tr(text: str) -> str:
    """Translate a source text marked with QT_TRANSLATE_NOOP elsewhere."""
    return QCoreApplication.translate("ScoringModels", text)


def wan(yuan: Any) -> str:
    return "" if yuan is None else yuan_to_wan_str(int(yuan))


def signed(delta: Decimal) -> str:
    return f"{delta:+.2f}"


def source_label(result: ScoreResult, factor: FactorResult) -> str:
    """Short source text: 档案 / 财务 2025 / 客户经理判断 / 假设."""
    if factor.source == "profile":
        return QCoreApplication.translate("ScoringModels", "Profile")
    if factor.source == "financials":
        item = result.values.get(factor.source_key)
        year = item.detail if item is not None else ""
        return (
            QCoreApplication.translate("ScoringModels", "Financials {year}")
            .format(year=year)
            .strip()
        )
    if factor.source == "rm":
        return QCoreApplication.translate("ScoringModels", "RM judgement")
    if factor.source == "what_if":
        return QCoreApplication.translate("ScoringModels", "What-if")
    return factor.source


def edit_text(key: str, value: Any) -> str:
    """A value as typed in a what-if cell: 万元 for money, percent for ratios."""
    if value is None:
        return ""
    spec = SOURCES.get(key)
    kind = spec.kind if spec else ""
    if kind == MONEY:
        return f"{Decimal(int(value)) / 10_000:.2f}"
    if kind == RATIO and key not in MULTIPLE_KEYS:
        return format((Decimal(str(value)) * 100).normalize(), "f")
    if kind == RATIO:
        return format(Decimal(str(value)).normalize(), "f")
    if kind == BOOL:
        return "1" if value else "0"
    return str(value)


class WhatIfValueError(ValueError):
    """A what-if value that cannot be read; the message names the factor."""


def parse_edit(key: str, text: Any, label: str) -> Any:
    """The override value for ``key`` from what the RM typed (万元, percent, yes/no)."""
    spec = SOURCES.get(key)
    kind = spec.kind if spec else ""
    if isinstance(text, bool) or kind == BOOL:
        if isinstance(text, bool):
            return text
        value = str(text).strip().lower()
        if value in ("1", "yes", "true", "是"):
            return True
        if value in ("0", "no", "false", "否"):
            return False
        raise WhatIfValueError(
            QCoreApplication.translate("ScoringModels", "{factor}: choose yes or no").format(
                factor=label
            )
        )
    raw = str(text).strip().replace(",", "").replace("，", "").rstrip("%")
    if not raw:
        return None
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise WhatIfValueError(
            QCoreApplication.translate(
                "ScoringModels", "{factor}: '{text}' is not a number"
            ).format(factor=label, text=text)
        ) from None
    if not number.is_finite():
        raise WhatIfValueError(
            QCoreApplication.translate(
                "ScoringModels", "{factor}: '{text}' is not a number"
            ).format(factor=label, text=text)
        )
    if kind == MONEY:
        return int((number * 10_000).to_integral_value())
    if kind == RATIO and key not in MULTIPLE_KEYS:
        return str(number / 100)
    if kind == RATIO:
        return str(number)
    if kind in (COUNT, YEARS):
        if number < 0 or number != number.to_integral_value():
            raise WhatIfValueError(
                QCoreApplication.translate(
                    "ScoringModels", "{factor}: enter a whole number, not '{text}'"
                ).format(factor=label, text=text)
            )
        return int(number)
    return str(number)


def edit_hint(key: str) -> str:
    """The unit of a what-if cell (for its tooltip)."""
    spec = SOURCES.get(key)
    kind = spec.kind if spec else ""
    if kind == MONEY:
        return QCoreApplication.translate("ScoringModels", "in 10k CNY")
    if kind == RATIO and key not in MULTIPLE_KEYS:
        return QCoreApplication.translate("ScoringModels", "in percent")
    if kind == BOOL:
        return QCoreApplication.translate("ScoringModels", "yes or no")
    return ""


# =========================================================================== factors


@dataclass(frozen=True)
class _Row:
    dimension: DimensionResult
    factor: FactorResult | None  # None: the dimension's header row
    spec: Factor | None


class FactorTableModel(QAbstractTableModel):
    """The factors of one score, grouped under their dimensions."""

    FACTOR, VALUE, SOURCE, POINTS, REASON = range(5)
    answer_edited = Signal(str, object)  # factor code, answer (None: unanswered)
    override_edited = Signal(str, object)  # source key, typed text (None: back to real)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._result: ScoreResult | None = None
        self._baseline: ScoreResult | None = None
        self._shape: tuple = ()
        self.what_if_enabled = False

    # --- content ---------------------------------------------------------------------

    def set_result(self, result: ScoreResult, baseline: ScoreResult | None = None) -> None:
        """Show ``result``; ``baseline`` (the real score in what-if mode) marks what changed."""
        t = result.template
        shape = (t.code, t.version, t.sha256)
        rows = [
            row
            for dim in result.dimensions
            for row in (
                _Row(dim, None, None),
                *(_Row(dim, f, t.factor(f.code)) for f in dim.factors),
            )
        ]
        if shape != self._shape or len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows, self._result, self._baseline, self._shape = rows, result, baseline, shape
            self.endResetModel()
            return
        self._rows, self._result, self._baseline = rows, result, baseline
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.REASON))

    def set_what_if(self, enabled: bool) -> None:
        self.what_if_enabled = enabled
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.REASON))

    @property
    def result(self) -> ScoreResult | None:
        return self._result

    def factor_row(self, code: str) -> int:
        for i, row in enumerate(self._rows):
            if row.factor is not None and row.factor.code == code:
                return i
        return -1

    def row_factor(self, row: int) -> tuple[FactorResult | None, Factor | None]:
        if 0 <= row < len(self._rows):
            return self._rows[row].factor, self._rows[row].spec
        return None, None

    def judgement_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.spec is not None and r.spec.is_judgement]

    def is_what_if_editable(self, row: int) -> bool:
        if not (0 <= row < len(self._rows)):
            return False
        spec = self._rows[row].spec
        if spec is None or spec.is_judgement:
            return False
        source = SOURCES.get(spec.source)
        return source is not None and source.kind in EDITABLE_KINDS

    def text(self, row: int, column: int) -> str:
        value = self.data(self.index(row, column))
        return "" if value is None else str(value)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.REASON)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.REASON))

    # --- helpers ---------------------------------------------------------------------

    def _base_factor(self, code: str) -> FactorResult | None:
        return self._baseline.factor(code) if self._baseline is not None else None

    def _base_dimension(self, code: str) -> DimensionResult | None:
        if self._baseline is None:
            return None
        return next((d for d in self._baseline.dimensions if d.code == code), None)

    def _changed(self, row: _Row) -> bool:
        if self._baseline is None:
            return False
        if row.factor is None:
            base = self._base_dimension(row.dimension.code)
            return base is not None and base.points != row.dimension.points
        base = self._base_factor(row.factor.code)
        return base is not None and (
            base.points != row.factor.points or row.factor.source == "what_if"
        )

    def _points_text(self, row: _Row) -> str:
        item = row.factor or row.dimension
        text = f"{item.points} / {item.max_points}"
        if self._baseline is not None:
            base = (
                self._base_factor(row.factor.code)
                if row.factor is not None
                else self._base_dimension(row.dimension.code)
            )
            if base is not None and base.points != item.points:
                text += f"  ({signed(item.points - base.points)})"
        return text

    def _value_text(self, row: _Row) -> str:
        f = row.factor
        assert f is not None
        if f.status == MISSING:
            return QCoreApplication.translate("ScoringModels", "Missing data")
        return f.value_text

    def _tooltip(self, row: _Row, column: int) -> str | None:
        f, spec = row.factor, row.spec
        if f is None:
            return None
        parts = [f.name()]
        if spec is not None and spec.is_judgement:
            parts.append(spec.question())
            if spec.guidance():
                parts.append(spec.guidance())
        elif (
            column == self.VALUE
            and self.what_if_enabled
            and self.is_what_if_editable(self._rows.index(row))
        ):
            hint = edit_hint(f.source_key)
            parts.append(
                QCoreApplication.translate(
                    "ScoringModels", "Double-click to try another value ({unit})."
                ).format(unit=hint)
                if hint
                else QCoreApplication.translate(
                    "ScoringModels", "Double-click to try another value."
                )
            )
        parts.append(f.reason)
        return "\n".join(p for p in parts if p)

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = index.column()
        if not (0 <= column <= self.REASON):
            return None
        row = self._rows[index.row()]
        f = row.factor
        if role == Qt.ItemDataRole.DisplayRole:
            if f is None:
                if column == self.FACTOR:
                    return row.dimension.name()
                if column == self.POINTS:
                    return self._points_text(row)
                return ""
            if column == self.FACTOR:
                return f.name()
            if column == self.VALUE:
                return self._value_text(row)
            if column == self.SOURCE:
                assert self._result is not None
                return source_label(self._result, f)
            if column == self.POINTS:
                return self._points_text(row)
            return f.reason
        if role == Qt.ItemDataRole.EditRole:
            if f is None or column != self.VALUE:
                return None
            if row.spec is not None and row.spec.is_judgement:
                assert self._result is not None
                answer = self._result.answers.get(f.code)
                return None if answer is None else str(answer)
            return edit_text(f.source_key, f.value)
        if role == FACTOR_ROLE:
            return row.spec
        if role == RESULT_ROLE:
            return f if f is not None else row.dimension
        if role == CHANGED_ROLE:
            return self._changed(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.POINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            if f is None:
                font = QFont()
                font.setBold(True)
                return font
            if f.status == MISSING and column in (self.VALUE, self.REASON):
                font = QFont()
                font.setItalic(True)
                return font
            if self._changed(row) and column == self.POINTS:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if f is not None and f.status == MISSING and column in (self.VALUE, self.REASON):
                return QBrush(QColor(MISSING_COLOUR))
            if f is not None and f.status == NOT_SCORED:
                return QBrush(QColor(STOPPED_COLOUR))
            if column == self.POINTS and self._baseline is not None:
                item = f or row.dimension
                base = (
                    self._base_factor(f.code) if f is not None
                    else self._base_dimension(row.dimension.code)
                )  # fmt: skip
                if base is not None and base.points != item.points:
                    return QBrush(QColor(UP_COLOUR if item.points > base.points else DOWN_COLOUR))
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if f is None:
                return QBrush(QColor(DIMENSION_BACKGROUND))
            if self._changed(row):
                return QBrush(QColor(WHAT_IF_BACKGROUND))
            return None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self._rows[index.row()]
        assert row.factor is not None and row.spec is not None
        if row.spec.is_judgement:
            self.answer_edited.emit(row.factor.code, value)
        else:
            text = None if value is None or str(value).strip() == "" else value
            self.override_edited.emit(row.factor.source_key, text)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section <= self.REASON):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("ScoringModels", "Factor"),
                QCoreApplication.translate("ScoringModels", "Value"),
                QCoreApplication.translate("ScoringModels", "Source"),
                QCoreApplication.translate("ScoringModels", "Points / max"),
                QCoreApplication.translate("ScoringModels", "Reason"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.POINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemNeverHasChildren
        row = self._rows[index.row()]
        if index.column() == self.VALUE and row.spec is not None:
            what_if = self.what_if_enabled and self.is_what_if_editable(index.row())
            if row.spec.is_judgement or what_if:
                base |= Qt.ItemFlag.ItemIsEditable
        return base


# =========================================================================== comparison


@dataclass(frozen=True)
class ComparisonRow:
    dimension: str
    code: str
    label: str
    value_a: str
    points_a: str
    value_b: str
    points_b: str
    delta: str
    explanation: str
    reason_a: str
    reason_b: str
    changed: bool


class ComparisonModel(QAbstractTableModel):
    """Two snapshots factor by factor; rows that differ are highlighted."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ScoringModels", "Dimension"),
        QT_TRANSLATE_NOOP("ScoringModels", "Factor"),
        QT_TRANSLATE_NOOP("ScoringModels", "Value (A)"),
        QT_TRANSLATE_NOOP("ScoringModels", "Points (A)"),
        QT_TRANSLATE_NOOP("ScoringModels", "Value (B)"),
        QT_TRANSLATE_NOOP("ScoringModels", "Points (B)"),
        QT_TRANSLATE_NOOP("ScoringModels", "Change"),
        QT_TRANSLATE_NOOP("ScoringModels", "Why it changed"),
    )
    NUMERIC = (3, 5, 6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ComparisonRow] = []

    def set_rows(self, rows: Sequence[ComparisonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ComparisonRow]:
        return list(self._rows)

    def row_for(self, code: str) -> ComparisonRow | None:
        return next((r for r in self._rows if r.code == code), None)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.HEADERS)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.dimension,
                row.label,
                row.value_a,
                row.points_a,
                row.value_b,
                row.points_b,
                row.delta,
                row.explanation,
            )[column]
        if role == CHANGED_ROLE:
            return row.changed
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = []
            if row.reason_a:
                lines.append(
                    QCoreApplication.translate("ScoringModels", "A: {reason}").format(
                        reason=row.reason_a
                    )
                )
            if row.reason_b:
                lines.append(
                    QCoreApplication.translate("ScoringModels", "B: {reason}").format(
                        reason=row.reason_b
                    )
                )
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.changed:
            return QBrush(QColor(CHANGED_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and not row.changed and column == 7:
            return QBrush(QColor(MISSING_COLOUR))
        if role == Qt.ItemDataRole.FontRole and row.changed and column in (3, 5, 6):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.HEADERS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


# =========================================================================== batch


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return (1, 0)
    if isinstance(value, Decimal):
        return (0, float(value))
    return (0, value)


class BatchResultModel(QAbstractTableModel):
    """The batch result table over a DataFrame: column arrays taken once, values
    formatted when painted, sorting by an index permutation."""

    COLUMNS = (
        "name",
        "uscc",
        "firm_type",
        "template_code",
        "total",
        "grade",
        "suggested_limit_yuan",
        "knocked_out",
        "missing_factors",
    )
    NUMERIC = frozenset({"total", "suggested_limit_yuan", "missing_factors"})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._arrays: dict[str, np.ndarray] = {}
        self._order = np.arange(0)
        self._frame = None
        self._template_names: dict[str, str] = {}

    def set_frame(self, frame, template_names: Mapping[str, str] | None = None) -> None:
        """Show ``frame`` (None: empty); ``template_names`` maps codes to display names."""
        self.beginResetModel()
        self._frame = frame
        self._template_names = dict(template_names or {})
        n = 0 if frame is None else len(frame)
        self._arrays = {}
        for key in self.COLUMNS:
            if frame is not None and key in frame:
                self._arrays[key] = frame[key].to_numpy(dtype=object)
            else:
                self._arrays[key] = np.full(n, None, dtype=object)
        self._order = np.arange(n)
        self.endResetModel()

    @property
    def frame(self):
        return self._frame

    def value(self, row: int, key: str) -> Any:
        return self._arrays[key][self._order[row]]

    def header(self, section: int) -> str:
        return {
            "name": QCoreApplication.translate("ScoringModels", "Client"),
            "uscc": QCoreApplication.translate("ScoringModels", "Credit code"),
            "firm_type": QCoreApplication.translate("ScoringModels", "Type"),
            "template_code": QCoreApplication.translate("ScoringModels", "Template"),
            "total": QCoreApplication.translate("ScoringModels", "Total"),
            "grade": QCoreApplication.translate("ScoringModels", "Grade"),
            "suggested_limit_yuan": QCoreApplication.translate(
                "ScoringModels", "Suggested limit (10k CNY)"
            ),
            "knocked_out": QCoreApplication.translate("ScoringModels", "Knocked out"),
            "missing_factors": QCoreApplication.translate("ScoringModels", "Missing factors"),
        }[self.COLUMNS[section]]

    def display(self, row: int, key: str) -> str:
        value = self.value(row, key)
        if key == "firm_type":
            return i18n.firm_type_label(value)
        if key == "template_code":
            if value is None:
                return QCoreApplication.translate("ScoringModels", "no template")
            return self._template_names.get(value, str(value))
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        if key == "suggested_limit_yuan":
            return wan(value)
        if key == "knocked_out":
            return QCoreApplication.translate("ScoringModels", "yes") if bool(value) else ""
        if key == "total":
            return f"{Decimal(value):.2f}" if not bool(self.value(row, "knocked_out")) else ""
        if key == "missing_factors":
            return str(int(value))
        return str(value)

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._order)):
            return None
        if not (0 <= index.column() < len(self.COLUMNS)):
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(index.row(), key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("knocked_out", "name"):
            reason = self._frame_value(index.row(), "knockout_reason")
            return reason or None
        if role == Qt.ItemDataRole.ForegroundRole and bool(self.value(index.row(), "knocked_out")):
            return QBrush(QColor(STOPPED_COLOUR))
        return None

    def _frame_value(self, row: int, key: str) -> Any:
        if self._frame is None or key not in self._frame:
            return None
        return self._frame[key].iat[int(self._order[row])]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[section] in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.COLUMNS)) or not len(self._order):
            return
        key = self.COLUMNS[column]
        values = self._arrays[key]
        if key == "total":
            stopped = self._arrays["knocked_out"]
            values = np.array(
                [None if bool(s) else v for v, s in zip(values, stopped, strict=True)],
                dtype=object,
            )
        keys = [_sort_key(v) for v in values]
        present = np.array([k[0] == 0 for k in keys])
        index = np.arange(len(keys))
        filled = index[present]
        ordered = sorted(filled, key=lambda i: keys[i][1])
        if order == Qt.SortOrder.DescendingOrder:
            ordered.reverse()
        self.layoutAboutToBeChanged.emit()
        self._order = np.concatenate([np.asarray(ordered, dtype=np.int64), index[~present]]).astype(
            np.int64
        )
        self.layoutChanged.emit()


def grade_distribution(frame) -> list[tuple[str, int]]:
    """(grade, clients) best first as the templates order them, then knock-outs
    and clients without a template."""
    if frame is None or not len(frame):
        return []
    out: list[tuple[str, int]] = []
    grades = frame["grade"].dropna()
    order = ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"]
    counts = grades.value_counts()
    for grade in sorted(counts.index, key=lambda g: (order.index(g) if g in order else 99, g)):
        out.append((str(grade), int(counts[grade])))
    knocked = int(frame["knocked_out"].fillna(False).astype(bool).sum())
    if knocked:
        out.append((QCoreApplication.translate("ScoringModels", "Knocked out"), knocked))
    no_template = int(frame["template_code"].isna().sum())
    if no_template:
        out.append((QCoreApplication.translate("ScoringModels", "no template"), no_template))
    return out


# =========================================================================== page


def latest_scores(db: sqlite_utils.Database, *, limit: int = 500) -> list[dict]:
    """Each live client's newest snapshot, newest first: client id and name,
    grade, total, limit, knocked out, template, when and by whom."""
    cursor = db.conn.execute(
        """SELECT c.id AS client_id, c.name, c.firm_type, s.id, s.total, s.grade,
                  s.suggested_limit_yuan, s.knocked_out, s.template_code, s.template_version,
                  s.created_at, u.display_name AS created_by_name
           FROM scorecard_results s
           JOIN clients c ON c.id = s.client_id AND c.deleted_at IS NULL
           LEFT JOIN users u ON u.id = s.updated_by
           WHERE s.deleted_at IS NULL AND s.rowid = (
               SELECT s2.rowid FROM scorecard_results s2
               WHERE s2.client_id = s.client_id AND s2.deleted_at IS NULL
               ORDER BY s2.created_at DESC, s2.rowid DESC LIMIT 1)
           ORDER BY s.created_at DESC, s.rowid DESC LIMIT ?""",
        (limit,),
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def snapshot_when(created_at: str | None) -> str:
    """When a snapshot was saved, in local time to the minute."""
    return local_time(created_at)


def knocked_text(row: Mapping[str, Any]) -> str:
    return (
        QCoreApplication.translate("ScoringModels", "yes")
        if row.get("knocked_out")
        else QCoreApplication.translate("ScoringModels", "no")
    )
