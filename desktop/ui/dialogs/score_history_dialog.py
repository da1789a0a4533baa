"""A client's score history and a side-by-side comparison of two snapshots.

The list shows every saved snapshot (newest first). Selecting two compares
them: totals, grade and limit at the top, then every factor with both values,
both points and why it changed (changed rows highlighted). A comparison reads
the snapshots only, never the templates, so an old score shows exactly what it
showed when it was saved; a template version change is noted.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.scoring import compare, get_snapshot, history, side_by_side
from desktop.core.scoring.compare import TEMPLATE
from desktop.core.session import Session
from desktop.ui.models.rows import Col, RowsModel
from desktop.ui.models.scoring import (
    ComparisonModel,
    ComparisonRow,
    knocked_text,
    signed,
    snapshot_when,
    wan,
)
from desktop.ui.pages.common import set_column_widths, subheading, table_view
from desktop.ui.screen_fit import fit_to_screen


def _grade(row: dict) -> str:
    return row.get("grade") or QCoreApplication.translate("ScoreHistoryDialog", "none")


HISTORY_COLUMNS = (
    Col(
        lambda: QCoreApplication.translate("ScoreHistoryDialog", "Saved"),
        lambda r: snapshot_when(r.get("created_at")),
    ),
    Col(
        lambda: QCoreApplication.translate("ScoreHistoryDialog", "By"),
        lambda r: r.get("created_by_name") or "",
    ),
    Col(
        lambda: QCoreApplication.translate("ScoreHistoryDialog", "Template"),
        lambda r: f"{r['template_code']} {r['template_version']}",
    ),
    Col(
        lambda: QCoreApplication.translate("ScoreHistoryDialog", "Total"),
        lambda r: "—" if r.get("knocked_out") else r.get("total"),
        numeric=True,
    ),
    Col(lambda: QCoreApplication.translate("ScoreHistoryDialog", "Grade"), _grade),
    Col(
        lambda: QCoreApplication.translate("ScoreHistoryDialog", "Limit (10k CNY)"),
        lambda r: wan(r.get("suggested_limit_yuan")),
        numeric=True,
    ),
    Col(
        lambda: QCoreApplication.translate("ScoreHistoryDialog", "Knocked out"),
        knocked_text,
        tooltip=lambda r: r.get("knockout_reason"),
    ),
)


def _factor_nodes(snapshot: dict) -> dict[str, dict]:
    """Factors of a snapshot by code; a snapshot written by anything but this
    release's engine (no ``dimensions`` mapping) simply has none to compare."""
    factors = snapshot.get("factors")
    out: dict[str, dict] = {}
    if not isinstance(factors, dict):
        return out
    for dim in factors.get("dimensions", []):
        for factor in dim.get("factors", []):
            out[factor["code"]] = factor
    return out


def comparison_rows(a: dict, b: dict) -> list[ComparisonRow]:
    """Every factor of either snapshot with both sides and why it changed."""
    fa, fb = _factor_nodes(a), _factor_nodes(b)
    rows = []
    for item in side_by_side(a, b):
        left, right = fa.get(item.code), fb.get(item.code)
        if left is None:
            explanation = QCoreApplication.translate("ScoreHistoryDialog", "new factor in B")
        elif right is None:
            explanation = QCoreApplication.translate("ScoreHistoryDialog", "not in B's template")
        elif item.changed:
            explanation = QCoreApplication.translate("ScoreHistoryDialog", "now: {reason}").format(
                reason=right.get("reason", "")
            )
        else:
            explanation = QCoreApplication.translate("ScoreHistoryDialog", "unchanged")
        delta = ""
        if left is not None and right is not None:
            difference = Decimal(right["points"]) - Decimal(left["points"])
            delta = signed(difference) if difference else ""
        rows.append(
            ComparisonRow(
                dimension=item.dimension,
                code=item.code,
                label=item.label,
                value_a=item.value_a,
                points_a=item.points_a,
                value_b=item.value_b,
                points_b=item.points_b,
                delta=delta,
                explanation=explanation,
                reason_a=(left or {}).get("reason", ""),
                reason_b=(right or {}).get("reason", ""),
                changed=item.changed,
            )
        )
    return rows


class ScoreHistoryDialog(QDialog):
    """Open with :meth:`show_history`."""

    def __init__(self, session: Session, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreHistory")
        self.session = session
        self.client_id = client_id
        self.snapshots: tuple[dict, dict] | None = None  # (A, B) compared

        self.title = QLabel(self)
        self.title.setObjectName("historyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(dark);")
        self.list_model = RowsModel(HISTORY_COLUMNS, parent=self)
        self.list_view = table_view(self)
        self.list_view.setObjectName("historyList")
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.list_view, [17, 14, 16, 8, 7, 14, 8])
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.compare_heading = subheading(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.template_note = QLabel(self)
        self.template_note.setObjectName("templateNote")
        self.template_note.setWordWrap(True)
        self.template_note.setStyleSheet(
            "background: #fff4e5; border: 1px solid #f0b45b; border-radius: 4px; padding: 4px 8px;"
        )
        self.template_note.setVisible(False)
        self.compare_model = ComparisonModel(self)
        self.compare_view = table_view(self)
        self.compare_view.setObjectName("comparisonTable")
        self.compare_view.setModel(self.compare_model)
        self.compare_view.horizontalHeader().setStretchLastSection(True)
        self.compare_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        set_column_widths(self.compare_view, [14, 18, 22, 8, 22, 8, 7, 60])
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setAutoDefault(False)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.list_view)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.compare_heading)
        bottom_layout.addWidget(self.summary)
        bottom_layout.addWidget(self.template_note)
        bottom_layout.addWidget(self.compare_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.refresh()
        fit_to_screen(self, 1300, 820)

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Saved scores never change. Select two to compare them (A = the older, "
                "B = the newer)."
            )
        )
        self.close_button.setText(self.tr("Close"))

    def refresh(self) -> None:
        rows = history(self.session.db, self.client_id)
        from db import scorecards as repo  # noqa: PLC0415

        client = repo.client_row(self.session.db, self.client_id)
        name = client["name"] if client else self.client_id
        self.setWindowTitle(self.tr("Score history — {name}").format(name=name))
        self.title.setText(self.tr("{name}: {n} saved scores").format(name=name, n=len(rows)))
        self.list_model.set_rows(rows)
        self._clear_comparison()
        if len(rows) >= 2:
            self.select_rows([0, 1])
        elif not rows:
            self.compare_heading.setText(self.tr("No score has been saved for this client yet."))

    def select_rows(self, rows: list[int]) -> None:
        selection = self.list_view.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(
                self.list_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _selected(self) -> list[int]:
        return sorted({i.row() for i in self.list_view.selectionModel().selectedRows()})

    def _selection_changed(self, *_args) -> None:
        rows = self._selected()
        if len(rows) == 2:
            self.compare_rows(rows[0], rows[1])
        else:
            self._clear_comparison()
            if rows:
                self.compare_heading.setText(
                    self.tr("Select a second score to compare.")
                    if len(rows) == 1
                    else self.tr("Select exactly two scores to compare.")
                )

    def _clear_comparison(self) -> None:
        self.snapshots = None
        self.compare_model.set_rows([])
        self.summary.setText("")
        self.template_note.setVisible(False)
        self.compare_heading.setText(self.tr("Select two scores to compare."))

    def compare_rows(self, first: int, second: int) -> None:
        """Compare two rows of the list (the older is A)."""
        ids = [self.list_model.row_dict(r)["id"] for r in (first, second)]
        a, b = (get_snapshot(self.session.db, i) for i in ids)
        if a is None or b is None:
            return
        if (a["created_at"], a["id"]) > (b["created_at"], b["id"]):
            a, b = b, a
        self.snapshots = (a, b)
        self.compare_heading.setText(
            self.tr("A: {a}   B: {b}").format(
                a=f"{snapshot_when(a['created_at'])} {a.get('created_by_name') or ''}",
                b=f"{snapshot_when(b['created_at'])} {b.get('created_by_name') or ''}",
            )
        )
        rows = comparison_rows(a, b)
        self.summary.setText(self._summary_html(a, b, sum(1 for r in rows if r.changed)))
        notes = [c.text for c in compare(a, b) if c.kind == TEMPLATE]
        self.template_note.setText("\n".join(notes))
        self.template_note.setVisible(bool(notes))
        self.compare_model.set_rows(rows)

    def _summary_html(self, a: dict, b: dict, changed: int) -> str:
        def total(s: dict) -> str:
            return "—" if s.get("knocked_out") else str(s.get("total"))

        def arrow(before: str, after: str) -> str:
            if before == after:
                return f"{before} → {after}"
            return f"{before} → <b style='color:#b35900'>{after}</b>"

        parts = [
            self.tr("Total: {change}").format(change=arrow(total(a), total(b))),
            self.tr("Grade: {change}").format(
                change=arrow(a.get("grade") or "—", b.get("grade") or "—")
            ),
            self.tr("Limit (10k CNY): {change}").format(
                change=arrow(
                    wan(a.get("suggested_limit_yuan")) or "—",
                    wan(b.get("suggested_limit_yuan")) or "—",
                )
            ),
        ]
        if a.get("knocked_out") or b.get("knocked_out"):
            parts.append(
                self.tr("Knocked out: {change}").format(
                    change=arrow(knocked_text(a), knocked_text(b))
                )
            )
        parts.append(self.tr("{n} factors changed").format(n=changed))
        return "&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts)

    @classmethod
    def show_history(cls, session: Session, client_id: str, parent: QWidget | None = None) -> None:
        dialog = cls(session, client_id, parent)
        dialog.exec()
        dialog.deleteLater()
