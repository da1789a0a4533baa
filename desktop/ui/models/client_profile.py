"""Models of the client profile tabs: contacts, statements, ratios, activities,
attachments, and the follow-ups-due list across all clients.

Contacts arrive masked from the core (``list_contacts``); a value the user
unmasked for a stated reason is kept in :class:`ContactTableModel` only while
the profile is open, and only for that contact and field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from desktop.core.financials import RATIO_NAMES, compute_ratios
from desktop.core.money import yuan_to_wan_str
from desktop.core.privacy import mask_value
from desktop.ui.dialogs.activity_dialog import activity_kind_label
from desktop.ui.dialogs.statement_dialog import amount_label
from desktop.ui.models.rows import Col, RowsModel, YearTableModel

STATEMENT_ITEMS = (
    "revenue",
    "net_profit",
    "total_assets",
    "total_liabilities",
    "current_assets",
    "current_liabilities",
    "inventory",
    "cash",
    "rd_expense",
    "operating_cash_flow",
)
# Ratios shown as a percentage; the others (current, quick) as a multiple.
PERCENT_RATIOS = frozenset({"debt_ratio", "net_margin", "roe", "revenue_growth", "rd_intensity"})


def yes_no(value: object) -> str:
    return (
        QCoreApplication.translate("ClientProfileModels", "Yes")
        if value
        else QCoreApplication.translate("ClientProfileModels", "No")
    )


# --------------------------------------------------------------------------- contacts


class ContactTableModel(RowsModel):
    """Contacts with mobile and ID number masked unless revealed."""

    def __init__(self, rows: Sequence[dict] = (), parent=None) -> None:
        self._revealed: dict[tuple[str, str], str] = {}
        columns = [
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Name"),
                lambda r: r.get("name"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Position"),
                lambda r: r.get("role"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Mobile"),
                lambda r: self.shown(r, "mobile"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Resident ID number"),
                lambda r: self.shown(r, "id_number"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "E-mail"),
                lambda r: r.get("email"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Consent to contact"),
                lambda r: (
                    QCoreApplication.translate("ClientProfileModels", "Yes ({date})").format(
                        date=r.get("consent_on")
                    )
                    if r.get("consent") and r.get("consent_on")
                    else yes_no(r.get("consent"))
                ),
            ),
        ]
        super().__init__(columns, rows, parent)

    def shown(self, row: dict, field: str) -> str:
        revealed = self._revealed.get((row.get("id", ""), field))
        if revealed is not None:
            return revealed
        # The core masks already; mask again in case an unmasked row slipped in.
        return mask_value(field, row.get(field) or "") or ""

    def reveal(self, contact_id: str, field: str, value: str) -> None:
        self._revealed[(contact_id, field)] = value
        row = self.find(contact_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def is_revealed(self, contact_id: str, field: str) -> bool:
        return (contact_id, field) in self._revealed

    def hide_all(self) -> None:
        self._revealed.clear()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )


# --------------------------------------------------------------------------- financials


def ratio_label(name: str) -> str:
    labels = {
        "debt_ratio": QCoreApplication.translate("ClientProfileModels", "Debt ratio"),
        "current_ratio": QCoreApplication.translate("ClientProfileModels", "Current ratio"),
        "quick_ratio": QCoreApplication.translate("ClientProfileModels", "Quick ratio"),
        "net_margin": QCoreApplication.translate("ClientProfileModels", "Net margin"),
        "roe": QCoreApplication.translate("ClientProfileModels", "Return on equity"),
        "revenue_growth": QCoreApplication.translate("ClientProfileModels", "Revenue growth"),
        "rd_intensity": QCoreApplication.translate("ClientProfileModels", "R&D intensity"),
    }
    return labels.get(name, name)


def format_ratio(name: str, value: Decimal | None) -> str:
    if value is None:
        return "—"
    if name in PERCENT_RATIOS:
        return f"{(value * 100).quantize(Decimal('0.1'))}%"
    return f"{value.quantize(Decimal('0.01'))}"


class StatementTableModel(YearTableModel):
    """Statement line items down, years across, amounts in 万元."""

    def __init__(self, parent=None) -> None:
        items = [(key, lambda k=key: amount_label(k)) for key in STATEMENT_ITEMS]
        items.append(
            ("audited", lambda: QCoreApplication.translate("ClientProfileModels", "Audited"))
        )
        super().__init__(items, parent)
        self._statements: dict[int, dict] = {}

    def set_statements(self, statements: Sequence[dict]) -> None:
        self._statements = {int(s["fiscal_year"]): s for s in statements}
        years = sorted(self._statements)
        cells: dict[tuple[int, str], str] = {}
        flagged: set[tuple[int, str]] = set()
        for year, s in self._statements.items():
            for key in STATEMENT_ITEMS:
                value = s.get(f"{key}_yuan")
                cells[(year, key)] = "" if value is None else yuan_to_wan_str(int(value))
                if value is not None and value < 0:
                    flagged.add((year, key))
            cells[(year, "audited")] = yes_no(s.get("audited"))
        self.set_values(years, cells, flagged)

    def statement(self, year: int) -> dict | None:
        return self._statements.get(year)


class RatioTableModel(YearTableModel):
    """Computed ratios down, years across; a ratio that cannot be computed shows —."""

    def __init__(self, parent=None) -> None:
        items = [(name, lambda n=name: ratio_label(n)) for name in RATIO_NAMES]
        super().__init__(items, parent)
        self.ratio_rows: list = []

    def set_statements(self, statements: Sequence[dict]) -> None:
        self.ratio_rows = compute_ratios(list(statements))
        cells: dict[tuple[int, str], str] = {}
        flagged: set[tuple[int, str]] = set()
        for row in self.ratio_rows:
            for name in RATIO_NAMES:
                value = getattr(row, name)
                cells[(row.fiscal_year, name)] = format_ratio(name, value)
                if name == "roe" and row.negative_equity:
                    cells[(row.fiscal_year, name)] = QCoreApplication.translate(
                        "ClientProfileModels", "negative equity"
                    )
                    flagged.add((row.fiscal_year, name))
                elif value is not None and value < 0:
                    flagged.add((row.fiscal_year, name))
        self.set_values([r.fiscal_year for r in self.ratio_rows], cells, flagged)


# --------------------------------------------------------------------------- activities


def _follow_up_text(row: dict) -> str:
    due = row.get("next_follow_up")
    if not due:
        return ""
    if row.get("follow_up_done"):
        return QCoreApplication.translate("ClientProfileModels", "{date} (done)").format(date=due)
    return due


def _activity_highlight(row: dict) -> str | None:
    due = row.get("next_follow_up")
    if due and not row.get("follow_up_done") and due <= date.today().isoformat():
        return "warning"
    return None


class ActivityTableModel(RowsModel):
    def __init__(self, rows: Sequence[dict] = (), parent=None) -> None:
        columns = [
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Date"),
                lambda r: r.get("occurred_on"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Kind"),
                lambda r: activity_kind_label(r.get("kind")),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "People met"),
                lambda r: r.get("people_met"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Summary"),
                lambda r: (r.get("summary") or "").replace("\n", " "),
                tooltip=lambda r: r.get("summary") or None,
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Next follow-up"),
                _follow_up_text,
            ),
        ]
        super().__init__(columns, rows, parent, highlight=_activity_highlight)


class FollowUpTableModel(RowsModel):
    """Open follow-ups due across all clients (``clients.follow_ups_due`` rows)."""

    def __init__(self, rows: Sequence[dict] = (), parent=None) -> None:
        columns = [
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Due"),
                lambda r: r.get("next_follow_up"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Overdue"),
                lambda r: (
                    QCoreApplication.translate("ClientProfileModels", "due today")
                    if not r.get("days_overdue")
                    else QCoreApplication.translate("ClientProfileModels", "{n} days").format(
                        n=r.get("days_overdue")
                    )
                ),
                numeric=True,
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Client"),
                lambda r: r.get("client_name"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Kind"),
                lambda r: activity_kind_label(r.get("kind")),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Last contact"),
                lambda r: r.get("occurred_on"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Summary"),
                lambda r: (r.get("summary") or "").replace("\n", " "),
                tooltip=lambda r: r.get("summary") or None,
            ),
        ]
        super().__init__(
            columns,
            rows,
            parent,
            highlight=lambda r: "warning" if (r.get("days_overdue") or 0) > 0 else None,
        )


# --------------------------------------------------------------------------- attachments


def file_size_text(size: int | None) -> str:
    size = int(size or 0)
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentTableModel(RowsModel):
    """Attachments; ``verified`` maps an id to the last check (True/False)."""

    def __init__(self, rows: Sequence[dict] = (), parent=None) -> None:
        self.verified: dict[str, bool] = {}
        columns = [
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "File"),
                lambda r: r.get("file_name"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Size"),
                lambda r: file_size_text(r.get("size_bytes")),
                numeric=True,
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "SHA-256"),
                lambda r: r.get("sha256"),
                tooltip=lambda r: r.get("sha256"),
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Added"),
                lambda r: (r.get("created_at") or "")[:10],
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Check"), self._check_text
            ),
            Col(
                lambda: QCoreApplication.translate("ClientProfileModels", "Description"),
                lambda r: r.get("description"),
            ),
        ]
        super().__init__(
            columns,
            rows,
            parent,
            highlight=lambda r: "warning" if self.verified.get(r.get("id")) is False else None,
        )

    def _check_text(self, row: dict) -> str:
        state = self.verified.get(row.get("id"))
        if state is None:
            return ""
        return (
            QCoreApplication.translate("ClientProfileModels", "intact")
            if state
            else QCoreApplication.translate("ClientProfileModels", "changed or missing")
        )

    def set_verified(self, attachment_id: str, ok: bool) -> None:
        self.verified[attachment_id] = ok
        row = self.find(attachment_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
