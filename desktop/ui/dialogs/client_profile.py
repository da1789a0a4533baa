"""The client profile: one window with tabs 概况 / 联系人 / 财务 / 拜访记录 / 附件.

Overview edits are collected in the form and saved together through
``desktop.core.clients`` (one transaction, audited); only the fields the user
changed are sent. Validation errors come back per field and are shown at the
field (red border and message) with a summary on top; nothing is saved until
every problem is fixed. Contacts, statements, activities and attachments are
saved one record at a time through their own dialogs.

Users without the edit permission see every field read-only (the core refuses
anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import users as user_repo
from db.errors import ConflictError, DatabaseError
from desktop.core import attachments, clients, security, taxonomy
from desktop.core import i18n as core_i18n
from desktop.core.security import PermissionDenied
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.dialogs.activity_dialog import ActivityDialog
from desktop.ui.dialogs.common import show_conflict, show_error, wan_text
from desktop.ui.dialogs.contact_dialog import ContactDialog
from desktop.ui.dialogs.statement_dialog import StatementDialog
from desktop.ui.dialogs.unmask_dialog import UnmaskDialog
from desktop.ui.models.client_profile import (
    ActivityTableModel,
    AttachmentTableModel,
    ContactTableModel,
    RatioTableModel,
    StatementTableModel,
)
from desktop.ui.models.rows import KEY_ROLE
from desktop.ui.pages.common import set_column_widths, subheading, table_view
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.widgets.check_list import CheckList
from desktop.ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from desktop.ui.widgets.financial_chart import FinancialChart
from desktop.ui.widgets.patent_table import PatentTable

TAB_KEYS = ("overview", "contacts", "financials", "activities", "attachments")
TEXT_FIELDS = (
    "name",
    "uscc",
    "legal_rep",
    "registered_capital_wan",
    "founded_on",
    "province",
    "city",
    "address",
    "employees",
    "rd_staff",
    "invention_patents",
    "utility_patents",
    "software_copyrights",
)
COMBO_FIELDS = ("firm_type", "status", "owner_id", "green_loan_class", "segment", "tech_route")
PROVINCES = (
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
)


def _count_text(value: object) -> str:
    return "" if value is None else str(value)


def _fit_height(view: QTableView) -> None:
    """A table exactly as high as its rows (the year tables are short)."""
    rows = view.model().rowCount()
    height = (
        view.horizontalHeader().sizeHint().height()
        + rows * view.verticalHeader().defaultSectionSize()
        + 2 * view.frameWidth()
        + view.horizontalScrollBar().sizeHint().height()
    )
    view.setFixedHeight(height)


class ClientProfileDialog(QDialog):
    """Open with :meth:`open_profile` (existing client) or :meth:`new_client`."""

    saved = Signal(str)  # client id, after any change was written

    def __init__(
        self, session: Session, client_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientProfile")
        self.setStyleSheet(ERROR_STYLE)
        self.session = session
        self.client: dict | None = None
        self.can_edit = False
        self.changed_anything = False
        self._loaded: dict = {}
        self._tax = taxonomy.load_taxonomy()

        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: palette(dark);")
        self.subtitle.setTextInteractionFlags(self.subtitle.textInteractionFlags())
        self.read_only_banner = QLabel(self)
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setStyleSheet(
            "#readOnlyBanner { background: #fff4e5; border: 1px solid #f0b45b;"
            " border-radius: 4px; padding: 4px 8px; }"
        )
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setVisible(False)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("profileTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_overview(), "")
        self.tabs.addTab(self._build_contacts(), "")
        self.tabs.addTab(self._build_financials(), "")
        self.tabs.addTab(self._build_activities(), "")
        self.tabs.addTab(self._build_attachments(), "")

        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        self.score_button = QPushButton(self)  # the scorecard of this client
        self.score_button.setObjectName("scoreClientButton")
        self.score_button.setAutoDefault(False)
        self.score_button.clicked.connect(self.open_scoring)
        bottom = QHBoxLayout()
        bottom.addWidget(self.score_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_overview)
        self.retranslate()
        self.load(client_id)
        fit_to_screen(self, 1180, 800)

    # ===================================================================== building

    def _line(self, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"field_{field}")
        return edit

    def _combo(self, field: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"field_{field}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def _build_overview(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.errors = FieldErrors(self.summary, self)
        self.inputs: dict[str, QWidget] = {}
        for field in TEXT_FIELDS:
            self.inputs[field] = self._line(field)
        for field in COMBO_FIELDS:
            self.inputs[field] = self._combo(field)
        self.inputs["founded_on"].setPlaceholderText("YYYY-MM-DD")
        self.inputs["province"].setCompleter(QCompleter(PROVINCES, self))
        self.errors.alias("registered_capital_yuan", "registered_capital_wan")
        self.qualifications = CheckList(self)
        self.qualifications.setObjectName("field_qualifications")
        self.policies = CheckList(self)
        self.policies.setObjectName("field_policy_programmes")
        self.key_patents = PatentTable(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("field_notes")
        self.notes.setTabChangesFocus(True)
        self.inputs["qualifications"] = self.qualifications
        self.inputs["policy_programmes"] = self.policies
        self.inputs["key_patents"] = self.key_patents
        self.inputs["notes"] = self.notes
        for widget in (self.qualifications, self.policies):
            widget.setMinimumHeight(self.fontMetrics().height() * 7)

        combo = self.inputs["segment"]
        assert isinstance(combo, QComboBox)
        combo.currentIndexChanged.connect(self._segment_changed)

        def group(fields: list[str]) -> tuple[QGroupBox, QFormLayout]:
            box = QGroupBox(page)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for field in fields:
                mark = self.key_patents.table if field == "key_patents" else None
                label = self.errors.add_row(form, field, self.inputs[field], mark=mark)
                if len(fields) == 1:
                    label.setVisible(False)  # the group's title names the field
            return box, form

        self.basic_box, _ = group(
            [
                "name",
                "uscc",
                "legal_rep",
                "registered_capital_wan",
                "founded_on",
                "firm_type",
                "status",
                "owner_id",
                "green_loan_class",
            ]
        )
        self.address_box, _ = group(["province", "city", "address"])
        self.industry_box, _ = group(["segment", "tech_route"])
        self.tech_box, _ = group(
            [
                "employees",
                "rd_staff",
                "invention_patents",
                "utility_patents",
                "software_copyrights",
                "key_patents",
            ]
        )
        self.quals_box, _ = group(["qualifications"])
        self.policy_box, _ = group(["policy_programmes"])
        self.notes_box, _ = group(["notes"])

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        left = QVBoxLayout()
        left.addWidget(self.basic_box)
        left.addWidget(self.address_box)
        left.addWidget(self.industry_box)
        left.addWidget(self.notes_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.tech_box)
        right.addWidget(self.quals_box)
        right.addWidget(self.policy_box)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        inner = QWidget(page)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.summary)
        inner_layout.addLayout(grid)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)

        self.save_button = QPushButton(page)
        self.save_button.setObjectName("saveClient")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_overview)
        self.revert_button = QPushButton(page)
        self.revert_button.setAutoDefault(False)
        self.revert_button.clicked.connect(self._revert)
        self.status_label = QLabel(page)
        self.status_label.setStyleSheet("color: palette(dark);")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        return page

    def _table_page(
        self, view: QTableView, buttons: list[QPushButton], extra: QWidget | None = None
    ) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        for button in buttons:
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        if extra is not None:
            layout.addWidget(extra)
        return page

    def _view(self, name: str, model) -> QTableView:
        view = table_view(self)
        view.setObjectName(name)
        view.setModel(model)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    def _build_contacts(self) -> QWidget:
        self.contacts_model = ContactTableModel(parent=self)
        self.contacts_view = self._view("contactsTable", self.contacts_model)
        set_column_widths(self.contacts_view, [12, 16, 15, 22, 26, 16])
        self.contacts_view.doubleClicked.connect(lambda _i: self.edit_contact())
        self.add_contact_button = QPushButton(self)
        self.edit_contact_button = QPushButton(self)
        self.delete_contact_button = QPushButton(self)
        self.unmask_button = QPushButton(self)
        self.unmask_button.setObjectName("unmaskButton")
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.delete_contact_button.clicked.connect(self.delete_contact)
        self.unmask_button.clicked.connect(self.unmask_contact)
        self.contacts_note = QLabel(self)
        self.contacts_note.setWordWrap(True)
        self.contacts_note.setStyleSheet("color: palette(dark);")
        return self._table_page(
            self.contacts_view,
            [
                self.add_contact_button,
                self.edit_contact_button,
                self.delete_contact_button,
                self.unmask_button,
            ],
            self.contacts_note,
        )

    def _build_financials(self) -> QWidget:
        self.statements_model = StatementTableModel(self)
        self.statements_view = self._view("statementsTable", self.statements_model)
        self.statements_view.verticalHeader().setVisible(True)
        self.statements_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.statements_view.horizontalHeader().setStretchLastSection(False)
        self.statements_view.doubleClicked.connect(lambda _i: self.edit_statement())
        self.ratios_model = RatioTableModel(self)
        self.ratios_view = self._view("ratiosTable", self.ratios_model)
        self.ratios_view.verticalHeader().setVisible(True)
        self.ratios_view.horizontalHeader().setStretchLastSection(False)
        for view in (self.statements_view, self.ratios_view):
            view.horizontalHeader().setDefaultSectionSize(
                view.fontMetrics().averageCharWidth() * 16
            )
            view.horizontalHeader().setDefaultAlignment(view.horizontalHeader().defaultAlignment())
        self.chart = FinancialChart(self)
        self.add_statement_button = QPushButton(self)
        self.edit_statement_button = QPushButton(self)
        self.delete_statement_button = QPushButton(self)
        self.add_statement_button.clicked.connect(self.add_statement)
        self.edit_statement_button.clicked.connect(self.edit_statement)
        self.delete_statement_button.clicked.connect(self.delete_statement)
        self.statements_heading = subheading(self)
        self.ratios_heading = subheading(self)
        self.financials_note = QLabel(self)
        self.financials_note.setWordWrap(True)
        self.financials_note.setStyleSheet("color: palette(dark);")

        page = QWidget(self)
        buttons = QHBoxLayout()
        for button in (
            self.add_statement_button,
            self.edit_statement_button,
            self.delete_statement_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        tables = QWidget(page)
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        tables_layout.addWidget(self.statements_heading)
        tables_layout.addWidget(self.statements_view)
        tables_layout.addSpacing(8)
        tables_layout.addWidget(self.ratios_heading)
        tables_layout.addWidget(self.ratios_view)
        tables_layout.addWidget(self.financials_note)
        tables_layout.addStretch(1)
        # The year tables are as high as their rows: scroll them on a low screen.
        tables_scroll = QScrollArea(page)
        tables_scroll.setObjectName("financialTablesScroll")
        tables_scroll.setWidgetResizable(True)
        tables_scroll.setFrameShape(QFrame.Shape.NoFrame)
        tables_scroll.setWidget(tables)
        splitter = QSplitter(page)
        splitter.addWidget(tables_scroll)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([620, 520])
        self.financials_splitter = splitter
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        return page

    def _build_activities(self) -> QWidget:
        self.activities_model = ActivityTableModel(parent=self)
        self.activities_view = self._view("activitiesTable", self.activities_model)
        set_column_widths(self.activities_view, [11, 7, 20, 50, 18])
        self.activities_view.doubleClicked.connect(lambda _i: self.edit_activity())
        self.add_activity_button = QPushButton(self)
        self.edit_activity_button = QPushButton(self)
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("followUpDone")
        self.delete_activity_button = QPushButton(self)
        self.add_activity_button.clicked.connect(self.add_activity)
        self.edit_activity_button.clicked.connect(self.edit_activity)
        self.done_button.clicked.connect(self.complete_follow_up)
        self.delete_activity_button.clicked.connect(self.delete_activity)
        return self._table_page(
            self.activities_view,
            [
                self.add_activity_button,
                self.edit_activity_button,
                self.done_button,
                self.delete_activity_button,
            ],
        )

    def _build_attachments(self) -> QWidget:
        self.attachments_model = AttachmentTableModel(parent=self)
        self.attachments_view = self._view("attachmentsTable", self.attachments_model)
        set_column_widths(self.attachments_view, [30, 9, 66, 11, 9, 20])
        self.attachments_view.doubleClicked.connect(lambda _i: self.open_attachment())
        self.add_attachment_button = QPushButton(self)
        self.open_attachment_button = QPushButton(self)
        self.verify_button = QPushButton(self)
        self.delete_attachment_button = QPushButton(self)
        self.add_attachment_button.clicked.connect(self.add_attachment)
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.verify_button.clicked.connect(self.verify_attachments)
        self.delete_attachment_button.clicked.connect(self.delete_attachment)
        self.attachments_note = QLabel(self)
        self.attachments_note.setWordWrap(True)
        self.attachments_note.setStyleSheet("color: palette(dark);")
        return self._table_page(
            self.attachments_view,
            [
                self.add_attachment_button,
                self.open_attachment_button,
                self.verify_button,
                self.delete_attachment_button,
            ],
            self.attachments_note,
        )

    # ===================================================================== text

    def retranslate(self) -> None:
        for index, text in enumerate(
            [
                self.tr("Overview"),
                self.tr("Contacts"),
                self.tr("Financials"),
                self.tr("Activities"),
                self.tr("Attachments"),
            ]
        ):
            self.tabs.setTabText(index, text)
        self.score_button.setText(self.tr("Score…"))
        self.score_button.setToolTip(self.tr("Pre-credit scorecard of this client"))
        labels = {
            "name": self.tr("Company name"),
            "uscc": self.tr("Unified social credit code"),
            "legal_rep": self.tr("Legal representative"),
            "registered_capital_wan": self.tr("Registered capital (10k CNY)"),
            "founded_on": self.tr("Founded on"),
            "firm_type": self.tr("Enterprise type"),
            "status": self.tr("Status"),
            "owner_id": self.tr("Relationship manager"),
            "green_loan_class": self.tr("Green-loan class"),
            "province": self.tr("Province"),
            "city": self.tr("City"),
            "address": self.tr("Address"),
            "segment": self.tr("Value-chain segment"),
            "tech_route": self.tr("Technology route"),
            "employees": self.tr("Employees"),
            "rd_staff": self.tr("R&D staff"),
            "invention_patents": self.tr("Invention patents"),
            "utility_patents": self.tr("Utility-model patents"),
            "software_copyrights": self.tr("Software copyrights"),
            "key_patents": self.tr("Key patents"),
            "qualifications": self.tr("Qualifications"),
            "policy_programmes": self.tr("Policy programmes"),
            "notes": self.tr("Notes"),
        }
        for field, text in labels.items():
            self.errors.set_label(field, text)
        self.basic_box.setTitle(self.tr("Company"))
        self.address_box.setTitle(self.tr("Location"))
        self.industry_box.setTitle(self.tr("Hydrogen value chain"))
        self.tech_box.setTitle(self.tr("Team and intellectual property"))
        self.quals_box.setTitle(self.tr("Qualifications"))
        self.policy_box.setTitle(self.tr("Policy programmes"))
        self.notes_box.setTitle(self.tr("Notes"))
        self.inputs["registered_capital_wan"].setPlaceholderText(self.tr("e.g. 5000 or 1,234.56"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the overview (Ctrl+S)"))
        self.revert_button.setText(self.tr("Undo changes"))
        self.close_button.setText(self.tr("Close"))
        self.add_contact_button.setText(self.tr("Add contact…"))
        self.edit_contact_button.setText(self.tr("Edit…"))
        self.delete_contact_button.setText(self.tr("Delete"))
        self.unmask_button.setText(self.tr("Show full information…"))
        self.unmask_button.setToolTip(
            self.tr("Show the full mobile and ID number of the selected contact (audited)")
        )
        self.contacts_note.setText(
            self.tr(
                "Mobile numbers and ID numbers are masked (PIPL). Showing them asks for a "
                "reason and is recorded in the audit log."
            )
        )
        self.statements_heading.setText(self.tr("Financial statements (10k CNY)"))
        self.ratios_heading.setText(self.tr("Ratios"))
        self.financials_note.setText(
            self.tr(
                "Double-click a year to edit it. Ratios: debt ratio = liabilities / assets; "
                "quick ratio = (current assets − inventory) / current liabilities; "
                "ROE = net profit / (assets − liabilities); — = cannot be computed."
            )
        )
        self.add_statement_button.setText(self.tr("Add year…"))
        self.edit_statement_button.setText(self.tr("Edit year…"))
        self.delete_statement_button.setText(self.tr("Delete year"))
        self.add_activity_button.setText(self.tr("Add activity…"))
        self.edit_activity_button.setText(self.tr("Edit…"))
        self.done_button.setText(self.tr("Mark follow-up done"))
        self.delete_activity_button.setText(self.tr("Delete"))
        self.add_attachment_button.setText(self.tr("Add file…"))
        self.open_attachment_button.setText(self.tr("Open"))
        self.verify_button.setText(self.tr("Verify files"))
        self.delete_attachment_button.setText(self.tr("Delete"))
        self.attachments_note.setText(
            self.tr(
                "Files are copied into the application's data folder; the SHA-256 "
                "fingerprint shows whether a file was changed since it was added."
            )
        )
        self.read_only_banner.setText(
            self.tr(
                "Read only: your role does not allow editing this client. "
                "Ask its relationship manager or the branch head."
            )
        )
        self.key_patents.retranslate()
        self.chart.retranslate()
        self._fill_choices()
        for model in (
            self.contacts_model,
            self.statements_model,
            self.ratios_model,
            self.activities_model,
            self.attachments_model,
        ):
            model.retranslate()

    def _fill_choices(self) -> None:
        """(Re)fill the combo boxes and check lists, keeping the current choices."""
        lang = core_i18n.language()
        keep = {field: self._combo_value(field) for field in COMBO_FIELDS}

        def fill(field: str, items: list[tuple[str, str | None]]) -> None:
            combo = self.inputs[field]
            assert isinstance(combo, QComboBox)
            combo.blockSignals(True)
            combo.clear()
            for label, data in items:
                combo.addItem(label, data)
            combo.blockSignals(False)

        fill("firm_type", [(i18n.firm_type_label(c), c) for c in taxonomy.FIRM_TYPES])
        fill("status", [(i18n.status_label(c), c) for c in clients.CLIENT_STATUSES])
        fill(
            "green_loan_class",
            [(self.tr("(not classified)"), None)]
            + [
                (clients.green_loan_class_name(code, lang), code)
                for code in clients.GREEN_LOAN_CLASSES
            ],
        )
        fill(
            "segment",
            [(self.tr("(not set)"), None)] + [(s.name(lang), s.code) for s in self._tax.segments],
        )
        owners = [
            (f"{u['display_name']}（{i18n.role_label(u['role'])}）", u["id"])
            for u in user_repo.list_users(self.session.db)
            if u.get("active", 1) and u["role"] in ("rm", "branch_head")
        ]
        fill("owner_id", [(self.tr("(none)"), None), *owners])
        self._fill_routes(keep.get("segment"))
        for field, value in keep.items():
            self._set_combo(field, value)
        self.qualifications.set_items([(q.code, q.name(lang)) for q in self._tax.qualifications])
        self.policies.set_items(
            [
                (p.code, p.name(lang), p.summary_zh if lang.startswith("zh") else p.summary_en)
                for p in self._tax.policies
            ]
        )

    def _fill_routes(self, segment: str | None) -> None:
        combo = self.inputs["tech_route"]
        assert isinstance(combo, QComboBox)
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(not set)"), None)
        if segment and self._tax.has("segment", segment):
            lang = core_i18n.language()
            for route in self._tax.routes_for(segment):
                combo.addItem(route.name(lang), route.code)
        index = combo.findData(keep)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _segment_changed(self) -> None:
        self._fill_routes(self._combo_value("segment"))

    def _combo_value(self, field: str) -> str | None:
        combo = self.inputs.get(field)
        if not isinstance(combo, QComboBox) or combo.count() == 0:
            return None
        return combo.currentData()

    def _set_combo(self, field: str, value: str | None) -> None:
        combo = self.inputs[field]
        assert isinstance(combo, QComboBox)
        index = combo.findData(value)
        if index < 0 and value:
            # A value the lists do not know (retired code, inactive user): keep it.
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # ===================================================================== loading

    @property
    def client_id(self) -> str | None:
        return None if self.client is None else self.client["id"]

    def load(self, client_id: str | None) -> None:
        """Show ``client_id`` (None: an empty form for a new client)."""
        db, user = self.session.db, self.session.user
        self.client = clients.get_client(db, client_id) if client_id else None
        if client_id and self.client is None:
            QMessageBox.warning(self, self.tr("Client"), self.tr("This client no longer exists."))
        if self.client is None:
            self.can_edit = security.allowed(user, "client.create")
            self._fill_form({"status": "prospect", "firm_type": "tech", "owner_id": user.id})
        else:
            self.can_edit = security.allowed(
                user, "client.edit_own", owner_id=self.client["owner_id"]
            )
            self._fill_form(self.client)
        self._loaded = self.form_values()
        self.errors.clear()
        self._apply_permissions()
        self._update_header()
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, self.client is not None)
        self.score_button.setEnabled(self.client is not None)
        self.reload_children()

    def _fill_form(self, row: dict) -> None:
        for field in TEXT_FIELDS:
            edit = self.inputs[field]
            assert isinstance(edit, QLineEdit)
            if field == "registered_capital_wan":
                edit.setText(wan_text(row.get("registered_capital_yuan")))
            elif field in (
                "employees",
                "rd_staff",
                "invention_patents",
                "utility_patents",
                "software_copyrights",
            ):
                edit.setText(_count_text(row.get(field)))
            else:
                edit.setText(row.get(field) or "")
        self._set_combo("segment", row.get("segment"))
        self._fill_routes(row.get("segment"))
        for field in ("firm_type", "status", "owner_id", "green_loan_class", "tech_route"):
            self._set_combo(field, row.get(field))
        self.qualifications.set_checked(row.get("qualifications") or [])
        self.policies.set_checked(row.get("policy_programmes") or [])
        self.key_patents.set_patents(row.get("key_patents") or [])
        self.notes.setPlainText(row.get("notes") or "")

    def form_values(self) -> dict:
        """What the form holds, keyed as ``validate_client`` expects."""
        values: dict = {}
        for field in TEXT_FIELDS:
            edit = self.inputs[field]
            assert isinstance(edit, QLineEdit)
            values[field] = edit.text().strip()
        for field in COMBO_FIELDS:
            values[field] = self._combo_value(field)
        values["qualifications"] = self.qualifications.checked()
        values["policy_programmes"] = self.policies.checked()
        values["key_patents"] = self.key_patents.patents()
        values["notes"] = self.notes.toPlainText()
        return values

    def changes(self) -> dict:
        """Fields whose value differs from what was loaded."""
        current = self.form_values()
        return {k: v for k, v in current.items() if v != self._loaded.get(k)}

    def _apply_permissions(self) -> None:
        editable = self.can_edit
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(not editable)
            elif isinstance(widget, QComboBox):
                widget.setEnabled(editable)
        if editable and self.client is not None:
            # Giving the client to another RM needs client.edit_any.
            self.inputs["owner_id"].setEnabled(
                security.allowed(self.session.user, "client.edit_any")
            )
        elif editable:
            self.inputs["owner_id"].setEnabled(
                security.allowed(self.session.user, "client.edit_any")
            )
        self.notes.setReadOnly(not editable)
        self.qualifications.set_read_only(not editable)
        self.policies.set_read_only(not editable)
        self.key_patents.set_read_only(not editable)
        self.save_button.setVisible(editable)
        self.revert_button.setVisible(editable)
        self.read_only_banner.setVisible(not editable)
        for button in (
            self.add_contact_button,
            self.edit_contact_button,
            self.delete_contact_button,
            self.add_statement_button,
            self.edit_statement_button,
            self.delete_statement_button,
            self.add_activity_button,
            self.edit_activity_button,
            self.done_button,
            self.delete_activity_button,
            self.add_attachment_button,
            self.delete_attachment_button,
        ):
            button.setEnabled(editable)
        owner = None if self.client is None else self.client["owner_id"]
        self.unmask_button.setEnabled(
            security.allowed(self.session.user, "personal.unmask", owner_id=owner)
        )

    def _update_header(self) -> None:
        if self.client is None:
            self.setWindowTitle(self.tr("New client"))
            self.title.setText(self.tr("New client"))
            self.subtitle.setText(
                self.tr("Fill in at least the name and enterprise type, then save.")
            )
            return
        c = self.client
        self.setWindowTitle(self.tr("Client profile — {name}").format(name=c["name"]))
        self.title.setText(c["name"])
        parts = [
            c.get("uscc") or self.tr("no USCC yet"),
            i18n.status_label(c.get("status")),
            i18n.firm_type_label(c.get("firm_type")),
        ]
        if c.get("segment"):
            parts.append(i18n.segment_label(c["segment"]))
        place = " ".join(p for p in (c.get("province"), c.get("city")) if p)
        if place:
            parts.append(place)
        parts.append(
            self.tr("version {n}, updated {at}").format(
                n=c.get("version"), at=(c.get("updated_at") or "")[:10]
            )
        )
        self.subtitle.setText("  ·  ".join(parts))

    def open_scoring(self) -> None:
        """Open the scoring page of this client (saved values as they are now)."""
        if self.client_id is None:
            return
        from desktop.ui.dialogs.scoring_dialog import ScoringDialog  # noqa: PLC0415

        ScoringDialog.score_client(self.session, self.client_id, self)

    def reload_children(self) -> None:
        """Re-read contacts, statements, activities and attachments."""
        client_id = self.client_id
        db = self.session.db
        if client_id is None:
            for model in (self.contacts_model, self.activities_model, self.attachments_model):
                model.set_rows([])
            self.statements_model.set_statements([])
            self.ratios_model.set_statements([])
            self.chart.set_statements([])
            return
        self.contacts_model.hide_all()
        self.contacts_model.set_rows(clients.list_contacts(db, client_id))
        statements = clients.list_statements(db, client_id)
        self.statements_model.set_statements(statements)
        self.ratios_model.set_statements(statements)
        self.chart.set_statements(statements)
        for view in (self.statements_view, self.ratios_view):
            _fit_height(view)
        self.activities_model.set_rows(clients.list_activities(db, client_id))
        self.attachments_model.set_rows(attachments.list_attachments(db, client_id))
        self.tabs.setTabText(1, self.tr("Contacts ({n})").format(n=self.contacts_model.rowCount()))
        self.tabs.setTabText(
            3, self.tr("Activities ({n})").format(n=self.activities_model.rowCount())
        )
        self.tabs.setTabText(
            4, self.tr("Attachments ({n})").format(n=self.attachments_model.rowCount())
        )

    # ===================================================================== overview

    def _revert(self) -> None:
        self.load(self.client_id)

    def save_overview(self) -> bool:
        """Validate and save the overview in one transaction; True when saved."""
        if not self.can_edit:
            return False
        db, user = self.session.db, self.session.user
        self.errors.clear()
        try:
            if self.client is None:
                row = clients.create_client(db, user, self.form_values())
            else:
                changes = self.changes()
                if not changes:
                    self.status_label.setText(self.tr("Nothing to save."))
                    return True
                row = clients.update_client(
                    db, user, self.client["id"], self.client["version"], changes
                )
        except clients.ClientValidationError as exc:
            self.tabs.setCurrentIndex(0)
            self.errors.show(
                exc.errors, heading=self.tr("Not saved. Please correct the marked fields:")
            )
            self.status_label.setText(
                self.tr("Not saved: {n} problem(s).").format(n=len(exc.errors))
            )
            return False
        except clients.DuplicateClientError as exc:
            self._duplicate(exc)
            return False
        except ConflictError:
            if show_conflict(self):
                self.load(self.client_id)
            return False
        except (PermissionDenied, DatabaseError, clients.NotFoundError) as exc:
            show_error(self, exc)
            return False
        self.changed_anything = True
        self.load(row["id"])
        self.status_label.setText(self.tr("Saved."))
        self.saved.emit(row["id"])
        return True

    def _duplicate(self, exc: clients.DuplicateClientError) -> None:
        self.errors.show(
            [clients.FieldError("uscc", exc.message)],
            heading=self.tr("Not saved:"),
        )
        answer = QMessageBox.question(
            self,
            self.tr("Client already exists"),
            self.tr(
                "{message}\n\nOpen the existing client instead? Your entries here are not saved."
            ).format(message=exc.message),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Open,
        )
        if answer == QMessageBox.StandardButton.Open:
            self.load(exc.existing_id)

    # ===================================================================== children

    def _selected(self, view: QTableView) -> dict | None:
        index = view.currentIndex()
        if not index.isValid() or not view.selectionModel().isSelected(index):
            rows = view.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        model = view.model()
        return model.row_dict(index.row())  # type: ignore[attr-defined]

    def _child_saved(self) -> None:
        self.changed_anything = True
        self.reload_children()
        if self.client_id:
            self.saved.emit(self.client_id)

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except ConflictError:
            if show_conflict(self):
                self.reload_children()
            return False
        except (
            PermissionDenied,
            DatabaseError,
            clients.NotFoundError,
            attachments.AttachmentError,
        ) as exc:
            show_error(self, exc)
            return False
        except clients.ClientValidationError as exc:
            show_error(self, ValueError("\n".join(e.message for e in exc.errors)))
            return False
        return True

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # contacts ---------------------------------------------------------------------

    def add_contact(self) -> None:
        if self.client_id is None:
            return
        _row, ok = ContactDialog.edit(self.session, self.client_id, None, self)
        if ok:
            self._child_saved()

    def edit_contact(self) -> None:
        contact = self._selected(self.contacts_view)
        if contact is None or self.client_id is None or not self.can_edit:
            return
        _row, ok = ContactDialog.edit(self.session, self.client_id, contact, self)
        if ok:
            self._child_saved()

    def delete_contact(self) -> None:
        contact = self._selected(self.contacts_view)
        if contact is None or not self._confirm(
            self.tr("Delete the contact {name}?").format(name=contact["name"])
        ):
            return
        if self._run(
            lambda: clients.delete_contact(
                self.session.db, self.session.user, contact["id"], contact["version"]
            )
        ):
            self._child_saved()

    def unmask_contact(self) -> None:
        """Show the selected contact's full mobile and ID number, for a stated reason."""
        contact = self._selected(self.contacts_view)
        if contact is None:
            QMessageBox.information(self, self.tr("Contacts"), self.tr("Select a contact first."))
            return
        fields = [f for f in ("mobile", "id_number") if contact.get(f)]
        if not fields:
            QMessageBox.information(
                self,
                self.tr("Contacts"),
                self.tr("This contact has no mobile or ID number on file."),
            )
            return
        reason, ok = UnmaskDialog.ask_reason(contact["name"], self)
        if not ok:
            return
        revealed: dict[str, str] = {}

        def reveal() -> None:
            for field in fields:
                revealed[field] = security.unmask(
                    self.session.db, self.session.user, "contacts", contact["id"], field, reason
                )

        if self._run(reveal):
            for field, value in revealed.items():
                self.contacts_model.reveal(contact["id"], field, value)

    # statements -------------------------------------------------------------------

    def _selected_year(self) -> int | None:
        index = self.statements_view.currentIndex()
        if index.isValid():
            return index.data(KEY_ROLE)
        years = self.statements_model.years
        return years[-1] if years else None

    def add_statement(self) -> None:
        if self.client_id is None:
            return
        years = self.statements_model.years
        suggested = None
        if years:
            suggested = max(years) + 1
            from datetime import date  # noqa: PLC0415

            if suggested > date.today().year:
                suggested = min(years) - 1
        _row, ok = StatementDialog.edit(
            self.session, self.client_id, None, self, suggested_year=suggested
        )
        if ok:
            self._child_saved()

    def edit_statement(self) -> None:
        year = self._selected_year()
        statement = None if year is None else self.statements_model.statement(year)
        if statement is None or self.client_id is None or not self.can_edit:
            return
        _row, ok = StatementDialog.edit(self.session, self.client_id, statement, self)
        if ok:
            self._child_saved()

    def delete_statement(self) -> None:
        year = self._selected_year()
        statement = None if year is None else self.statements_model.statement(year)
        if statement is None or not self._confirm(
            self.tr("Delete the financial statement of {year}?").format(year=year)
        ):
            return
        if self._run(
            lambda: clients.delete_statement(
                self.session.db, self.session.user, statement["id"], statement["version"]
            )
        ):
            self._child_saved()

    # activities -------------------------------------------------------------------

    def add_activity(self) -> None:
        if self.client_id is None:
            return
        _row, ok = ActivityDialog.edit(self.session, self.client_id, None, self)
        if ok:
            self._child_saved()

    def edit_activity(self) -> None:
        activity = self._selected(self.activities_view)
        if activity is None or self.client_id is None or not self.can_edit:
            return
        _row, ok = ActivityDialog.edit(self.session, self.client_id, activity, self)
        if ok:
            self._child_saved()

    def complete_follow_up(self) -> None:
        activity = self._selected(self.activities_view)
        if activity is None or not activity.get("next_follow_up"):
            QMessageBox.information(
                self,
                self.tr("Activities"),
                self.tr("Select an activity with a follow-up date first."),
            )
            return
        if activity.get("follow_up_done"):
            return
        if self._run(
            lambda: clients.complete_follow_up(
                self.session.db, self.session.user, activity["id"], activity["version"]
            )
        ):
            self._child_saved()

    def delete_activity(self) -> None:
        activity = self._selected(self.activities_view)
        if activity is None or not self._confirm(
            self.tr("Delete the activity of {date}?").format(date=activity["occurred_on"])
        ):
            return
        if self._run(
            lambda: clients.delete_activity(
                self.session.db, self.session.user, activity["id"], activity["version"]
            )
        ):
            self._child_saved()

    # attachments ------------------------------------------------------------------

    def add_attachment(self) -> None:
        if self.client_id is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Add a file to the client"), str(Path.home())
        )
        if not path:
            return
        saved: list[dict] = []
        if self._run(
            lambda: saved.append(
                attachments.add_attachment(self.session.db, self.session.user, self.client_id, path)
            )
        ):
            self._child_saved()
            if saved:
                self.attachments_model.set_verified(saved[0]["id"], True)
                row = self.attachments_model.find(saved[0]["id"])
                if row >= 0:
                    self.attachments_view.selectRow(row)

    def open_attachment(self) -> None:
        row = self._selected(self.attachments_view)
        if row is None:
            return
        path = attachments.attachment_file(row)
        if not path.is_file():
            self.attachments_model.set_verified(row["id"], False)
            QMessageBox.warning(
                self,
                self.tr("Attachments"),
                self.tr("The file {path} is missing.").format(path=path),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def verify_attachments(self) -> None:
        bad = []
        for row in self.attachments_model.rows():
            ok = attachments.verify_attachment(row)
            self.attachments_model.set_verified(row["id"], ok)
            if not ok:
                bad.append(row["file_name"])
        if bad:
            QMessageBox.warning(
                self,
                self.tr("Attachments"),
                self.tr("These files were changed or are missing:\n{files}").format(
                    files="\n".join(bad)
                ),
            )

    def delete_attachment(self) -> None:
        row = self._selected(self.attachments_view)
        if row is None or not self._confirm(
            self.tr("Remove {file} from the client? (The stored copy is kept for audit.)").format(
                file=row["file_name"]
            )
        ):
            return
        if self._run(
            lambda: attachments.delete_attachment(
                self.session.db, self.session.user, row["id"], row["version"]
            )
        ):
            self._child_saved()

    # ===================================================================== closing

    def reject(self) -> None:
        if self.can_edit and self.changes() and self.client is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("The overview has unsaved changes. Save them before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save_overview():
                return
        super().reject()

    @classmethod
    def open_profile(
        cls, session: Session, client_id: str | None, parent: QWidget | None = None
    ) -> tuple[str | None, bool]:
        """Run the profile window; ``(client id, True)`` if anything was saved."""
        dialog = cls(session, client_id, parent)
        dialog.exec()
        result = dialog.client_id, dialog.changed_anything
        dialog.deleteLater()
        return result

    @classmethod
    def new_client(cls, session: Session, parent: QWidget | None = None) -> tuple[str | None, bool]:
        return cls.open_profile(session, None, parent)
