"""Add or edit one year's financial statement (amounts typed in 万元)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.core import clients
from desktop.core.session import Session
from desktop.ui.dialogs.common import ServiceFormDialog, wan_text


def amount_label(base: str) -> str:
    """Line-item name (the statement table and this dialog share them)."""
    labels = {
        "revenue": QCoreApplication.translate("Financials", "Revenue"),
        "net_profit": QCoreApplication.translate("Financials", "Net profit"),
        "total_assets": QCoreApplication.translate("Financials", "Total assets"),
        "total_liabilities": QCoreApplication.translate("Financials", "Total liabilities"),
        "current_assets": QCoreApplication.translate("Financials", "Current assets"),
        "current_liabilities": QCoreApplication.translate("Financials", "Current liabilities"),
        "inventory": QCoreApplication.translate("Financials", "Inventory"),
        "cash": QCoreApplication.translate("Financials", "Cash and equivalents"),
        "rd_expense": QCoreApplication.translate("Financials", "R&D expense"),
        "operating_cash_flow": QCoreApplication.translate("Financials", "Net operating cash flow"),
    }
    return labels.get(base, base)


class StatementDialog(ServiceFormDialog):
    """``statement`` is a row of ``list_statements`` (None for a new year)."""

    def __init__(
        self,
        session: Session,
        client_id: str,
        statement: dict | None = None,
        parent: QWidget | None = None,
        *,
        suggested_year: int | None = None,
    ) -> None:
        super().__init__(session, client_id, parent, object_name="statementDialog")
        self.statement = statement
        self.summary = self.error_summary
        form = QFormLayout()
        self.fiscal_year = QLineEdit(self)
        self.fiscal_year.setObjectName("statement_fiscal_year")
        self.fiscal_year.setMaxLength(4)
        self.audited = QCheckBox(self.tr("Audited by an accounting firm"), self)
        self.audited.setObjectName("statement_audited")
        self.errors.add_row(form, "fiscal_year", self.fiscal_year)
        self.errors.set_label("fiscal_year", self.tr("Fiscal year"))
        self.errors.add_row(form, "audited", self.audited)
        self.errors.set_label("audited", self.tr("Audited"))
        self.amounts: dict[str, QLineEdit] = {}
        for base in clients.STATEMENT_AMOUNTS:
            edit = QLineEdit(self)
            edit.setObjectName(f"statement_{base}")
            edit.setPlaceholderText(self.tr("10k CNY"))
            self.amounts[base] = edit
            self.errors.add_row(form, f"{base}_wan", edit)
            self.errors.alias(f"{base}_yuan", f"{base}_wan")
            self.errors.set_label(
                f"{base}_wan", self.tr("{item} (10k CNY)").format(item=amount_label(base))
            )
        self._add_buttons(form)

        self._initial: dict[str, str] = {}
        if statement is not None:
            self.setWindowTitle(
                self.tr("Edit statement {year}").format(year=statement["fiscal_year"])
            )
            self.fiscal_year.setText(str(statement["fiscal_year"]))
            self.audited.setChecked(bool(statement.get("audited")))
            for base, edit in self.amounts.items():
                edit.setText(wan_text(statement.get(f"{base}_yuan")))
        else:
            self.setWindowTitle(self.tr("New financial statement"))
            self.fiscal_year.setText(str(suggested_year or date.today().year - 1))
        self.resize(440, self.sizeHint().height())

    def values(self) -> dict:
        data: dict = {
            "fiscal_year": self.fiscal_year.text(),
            "audited": self.audited.isChecked(),
        }
        for base, edit in self.amounts.items():
            data[f"{base}_wan"] = edit.text()
        return data

    def accept(self) -> None:
        self._save_then_accept(self._save, heading=self.tr("Please correct the marked fields:"))

    def _save(self) -> dict:
        return clients.save_statement(
            self.session.db,
            self.session.user,
            self.client_id,
            self.values(),
            statement_id=None if self.statement is None else self.statement["id"],
            expected_version=None if self.statement is None else self.statement["version"],
        )

    @classmethod
    def edit(
        cls,
        session: Session,
        client_id: str,
        statement: dict | None = None,
        parent: QWidget | None = None,
        *,
        suggested_year: int | None = None,
    ) -> tuple[dict | None, bool]:
        return cls._run_to_save(
            cls(session, client_id, statement, parent, suggested_year=suggested_year)
        )
