"""Models of the import preview: every file row (problem rows highlighted) and
every problem (row number, column, value, reason)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.importing import ImportPreview, PreviewRow, RowProblem
from desktop.ui.models.rows import Col, RowsModel


def action_label(row: PreviewRow, update_existing: bool = True) -> str:
    if row.problems:
        return QCoreApplication.translate("ImportPreviewModels", "Rejected")
    if row.action == "update":
        if not row.may_update:
            return QCoreApplication.translate(
                "ImportPreviewModels", "Exists (no permission to update)"
            )
        return (
            QCoreApplication.translate("ImportPreviewModels", "Update existing")
            if update_existing
            else QCoreApplication.translate("ImportPreviewModels", "Exists (skipped)")
        )
    if row.action == "merge":
        return QCoreApplication.translate("ImportPreviewModels", "Same client as row {row}").format(
            row=row.merge_into
        )
    return QCoreApplication.translate("ImportPreviewModels", "New client")


class ImportRowsModel(RowsModel):
    """One line per data row of the file: row number, what will happen, the cells."""

    def __init__(self, parent=None) -> None:
        super().__init__([], [], parent, key="row_number", highlight=self._highlight)
        self.update_existing = False

    @staticmethod
    def _highlight(row: PreviewRow) -> str | None:
        if row.problems:
            return "warning"
        if row.action == "update" and not row.may_update:
            return "muted"
        return None

    def set_preview(self, preview: ImportPreview | None) -> None:
        headers = list(preview.headers) if preview is not None else []
        columns = [
            Col(
                lambda: QCoreApplication.translate("ImportPreviewModels", "Row"),
                lambda r: r.row_number,
                numeric=True,
            ),
            Col(
                lambda: QCoreApplication.translate("ImportPreviewModels", "Action"),
                lambda r: action_label(r, self.update_existing),
                tooltip=lambda r: "\n".join(p.reason for p in r.problems) or None,
            ),
        ]
        for header in headers:
            columns.append(Col(lambda h=header: h, lambda r, h=header: r.values.get(h, "")))
        self.beginResetModel()
        self._columns = columns
        self._rows = list(preview.rows) if preview is not None else []
        self.endResetModel()

    def set_update_existing(self, update: bool) -> None:
        self.update_existing = update
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))


class ProblemsModel(RowsModel):
    """Every problem of every rejected row."""

    def __init__(self, parent=None) -> None:
        columns = [
            Col(
                lambda: QCoreApplication.translate("ImportPreviewModels", "Row"),
                lambda p: p.row_number,
                numeric=True,
            ),
            Col(
                lambda: QCoreApplication.translate("ImportPreviewModels", "Column"),
                lambda p: p.column,
            ),
            Col(
                lambda: QCoreApplication.translate("ImportPreviewModels", "Value"),
                lambda p: p.value,
            ),
            Col(
                lambda: QCoreApplication.translate("ImportPreviewModels", "Reason"),
                lambda p: p.reason,
                tooltip=lambda p: p.reason,
            ),
        ]
        super().__init__(columns, [], parent, key="row_number")

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.set_rows(problems)
