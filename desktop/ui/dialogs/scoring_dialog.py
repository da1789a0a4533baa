"""The scoring page for one client: answer, see every point and why, save a snapshot.

The client's values are read once (:func:`gather_inputs`); every answer, knock-out
answer, limit input or what-if value then rescores with the pure
:func:`score_values` -- no database access until Save. The factor table shows
each factor's value and where it came from (档案 / 财务 2025 / 客户经理判断 /
假设), its points out of its maximum and the reason; judgement factors are
answered in place with a combo of the template's described levels, and the
selected row's question and guidance are shown underneath.

What-if mode edits profile/financial values in a scratch copy: the table, the
totals and the radar show the effect against the real score; nothing of it can
be saved. Save writes an immutable snapshot (with its audit entry) through
:func:`save_snapshot`, which also checks the ``score.create`` permission.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DatabaseError
from desktop.core import security
from desktop.core.auditing import database_error_message
from desktop.core.scoring import (
    ClientInputs,
    ScoreResult,
    ScoringError,
    ScoringInputError,
    Template,
    TemplateSet,
    gather_inputs,
    load_templates,
    save_snapshot,
    score_values,
)
from desktop.core.scoring.engine import CLEAR, TRIGGERED
from desktop.core.scoring.inputs import BOOL, CHOICE, SOURCES, source_text
from desktop.core.security import PermissionDenied
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.models.scoring import (
    FACTOR_ROLE,
    MISSING_COLOUR,
    STOPPED_COLOUR,
    FactorTableModel,
    WhatIfValueError,
    parse_edit,
    signed,
    wan,
)
from desktop.ui.pages.common import set_column_widths, subheading, table_view
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.widgets.radar_chart import RadarChart

BANNER_STYLE = (
    "background: #fff4e5; border: 1px solid #f0b45b; border-radius: 4px; padding: 4px 8px;"
)
WHAT_IF_STYLE = (
    "background: #fff3c4; border: 1px solid #e0b300; border-radius: 4px; padding: 4px 8px;"
)
ERROR_STYLE = "color: #b71c1c;"
GRADE_COLOURS = {"AAA": "#1b7a3d", "AA": "#1b7a3d", "A": "#2e7d32", "BBB": "#1f6fb2"}


def _big(label: QLabel, factor: float) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)


class AnswerDelegate(QStyledItemDelegate):
    """Editors of the value column: a combo of the described levels (or yes/no)
    for judgement factors, a line edit for numbers; commits at once."""

    NOT_ANSWERED = None

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget | None:
        spec = index.data(FACTOR_ROLE)
        if spec is None:
            return None
        kind = spec.kind if spec.is_judgement else SOURCES[spec.source].kind
        if spec.is_judgement and kind == CHOICE:
            combo = QComboBox(parent)
            combo.setObjectName(f"answer_{spec.code}")
            combo.addItem(self.tr("— choose a level —"), None)
            for choice in spec.choices:
                combo.addItem(
                    self.tr("{label} ({score}%)").format(
                        label=choice.label(), score=format(choice.score.normalize(), "f")
                    ),
                    choice.code,
                )
                combo.setItemData(combo.count() - 1, choice.label(), Qt.ItemDataRole.ToolTipRole)
            self._fit(combo)
            combo.setToolTip(spec.guidance())
            combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        if kind == BOOL:
            combo = QComboBox(parent)
            combo.setObjectName(f"answer_{spec.code}")
            if spec.is_judgement:
                combo.addItem(self.tr("— not answered —"), None)
            combo.addItem(self.tr("Yes"), "1")
            combo.addItem(self.tr("No"), "0")
            combo.setToolTip(spec.guidance() if spec.is_judgement else "")
            combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        edit = QLineEdit(parent)
        edit.setObjectName(f"answer_{spec.code}")
        if spec.is_judgement:
            unit = spec.unit()
            edit.setPlaceholderText(
                self.tr("enter a number ({unit})").format(unit=unit)
                if unit
                else self.tr("enter a number")
            )
            edit.setToolTip(spec.guidance())
            # a persistent field: commit on Enter or when leaving it
            edit.editingFinished.connect(lambda e=edit: self.commitData.emit(e))
        return edit

    @staticmethod
    def _fit(combo: QComboBox) -> None:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        width = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        combo.view().setMinimumWidth(width + 40)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.blockSignals(True)
            if value is None:
                editor.setCurrentIndex(0)
            else:
                text = str(value)
                if text in ("True", "False"):
                    text = "1" if text == "True" else "0"
                found = editor.findData(text)
                editor.setCurrentIndex(max(found, 0))
            editor.blockSignals(False)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData()
            if value in ("1", "0") and index.data(FACTOR_ROLE) is not None:
                value = value == "1"
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            if editor.text().strip() == str(index.data(Qt.ItemDataRole.EditRole) or ""):
                return  # unchanged (e.g. focus moved away)
            model.setData(index, editor.text().strip() or None, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:
        editor.setGeometry(option.rect)


class ScoringDialog(QDialog):
    """Open with :meth:`score_client`."""

    def __init__(
        self,
        session: Session,
        client_id: str,
        parent: QWidget | None = None,
        *,
        templates: TemplateSet | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scoringDialog")
        self.session = session
        self.client_id = client_id
        self.templates = templates or load_templates()
        self.inputs: ClientInputs | None = gather_inputs(session.db, client_id, today)
        self.template: Template | None = None
        self.answers: dict[str, dict[str, Any]] = {}  # template code -> answers
        self.overrides: dict[str, Any] = {}
        self.what_if = False
        self.result: ScoreResult | None = None  # shown (what-if when on)
        self.real: ScoreResult | None = None  # without what-if values
        self.saved_ids: list[str] = []
        self.permission_error = ""
        self.knockout_combos: dict[str, QComboBox] = {}
        self.knockout_status: dict[str, QLabel] = {}
        self.rm_input_edits: dict[str, QLineEdit] = {}

        # --- header
        self.title = QLabel(self)
        _big(self.title, 1.35)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: palette(dark);")
        self.banner = QLabel(self)
        self.banner.setObjectName("permissionBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setVisible(False)
        self.template_label = QLabel(self)
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("templateCombo")
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template_info = QLabel(self)
        self.template_info.setStyleSheet("color: palette(dark);")
        self.rationale_button = QToolButton(self)
        self.rationale_button.setObjectName("rationaleButton")
        self.rationale_button.setCheckable(True)
        self.rationale_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.rationale_button.setArrowType(Qt.ArrowType.RightArrow)
        self.rationale_button.toggled.connect(self._toggle_rationale)
        self.rationale = QLabel(self)
        self.rationale.setObjectName("rationale")
        self.rationale.setWordWrap(True)
        self.rationale.setVisible(False)
        self.rationale.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rationale.setStyleSheet(
            "#rationale { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 6px; }"
        )

        # --- knock-outs
        self.knockout_box = QGroupBox(self)
        self.knockout_box.setObjectName("knockoutBox")
        self.knockout_grid = QGridLayout(self.knockout_box)
        self.knockout_grid.setContentsMargins(8, 4, 8, 6)
        self.knockout_grid.setHorizontalSpacing(10)
        self.knockout_grid.setVerticalSpacing(4)

        # --- factors
        self.model = FactorTableModel(self)
        self.model.answer_edited.connect(self.set_answer)
        self.model.override_edited.connect(self.set_override)
        self.view = table_view(self)
        self.view.setObjectName("factorTable")
        self.view.setModel(self.model)
        # after setModel: the view closes its editors on reset first, then we reopen them
        self.model.modelReset.connect(self._open_editors)
        self.view.setWordWrap(False)
        self.delegate = AnswerDelegate(self.view)
        self.view.setItemDelegateForColumn(FactorTableModel.VALUE, self.delegate)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 14)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.view, [17, 37, 9, 16, 60])
        self.view.selectionModel().currentRowChanged.connect(self._show_guidance)
        self.guidance = QTextBrowser(self)
        self.guidance.setObjectName("guidancePane")
        self.guidance.setOpenLinks(False)
        self.guidance.setMinimumHeight(90)
        self.guidance_label = subheading(self)

        # --- summary (right)
        self.total_caption = QLabel(self)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("totalLabel")
        _big(self.total_label, 2.2)
        self.grade_caption = QLabel(self)
        self.grade_label = QLabel(self)
        self.grade_label.setObjectName("gradeLabel")
        _big(self.grade_label, 3.2)
        self.limit_caption = QLabel(self)
        self.limit_label = QLabel(self)
        self.limit_label.setObjectName("limitLabel")
        _big(self.limit_label, 1.5)
        self.knockout_label = QLabel(self)
        self.knockout_label.setObjectName("knockoutReason")
        self.knockout_label.setWordWrap(True)
        self.knockout_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet(f"color: {MISSING_COLOUR};")
        self.delta_label = QLabel(self)
        self.delta_label.setObjectName("whatIfDelta")
        self.delta_label.setWordWrap(True)
        self.delta_label.setStyleSheet(WHAT_IF_STYLE)
        self.delta_label.setVisible(False)
        self.rm_inputs_box = QGroupBox(self)
        self.rm_inputs_box.setObjectName("limitInputs")
        self.rm_inputs_form = QGridLayout(self.rm_inputs_box)
        self.working_caption = subheading(self)
        self.working_label = QLabel(self)
        self.working_label.setObjectName("limitWorking")
        self.working_label.setWordWrap(True)
        self.working_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.radar_caption = subheading(self)
        self.radar = RadarChart(self)
        self.radar.setMinimumHeight(300)

        # --- bottom
        self.what_if_button = QPushButton(self)
        self.what_if_button.setObjectName("whatIfButton")
        self.what_if_button.setCheckable(True)
        self.what_if_button.toggled.connect(self.set_what_if)
        self.reset_what_if_button = QPushButton(self)
        self.reset_what_if_button.setObjectName("resetWhatIf")
        self.reset_what_if_button.clicked.connect(self.reset_what_if)
        self.message = QLabel(self)
        self.message.setObjectName("scoringMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("historyButton")
        self.history_button.clicked.connect(self.open_history)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveScore")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.history_button, self.save_button, self.close_button):
            button.setAutoDefault(False)

        self._build_layout()
        self.retranslate()
        self._load()
        fit_to_screen(self, 1440, 900)

    # ===================================================================== building

    def _build_layout(self) -> None:
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_label)
        template_row.addWidget(self.template_combo)
        template_row.addWidget(self.template_info)
        template_row.addWidget(self.rationale_button)
        template_row.addStretch(1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.knockout_box)
        table_and_guidance = QSplitter(Qt.Orientation.Vertical, left)
        table_and_guidance.setChildrenCollapsible(False)
        table_and_guidance.addWidget(self.view)
        guide = QWidget(table_and_guidance)
        guide_layout = QVBoxLayout(guide)
        guide_layout.setContentsMargins(0, 4, 0, 0)
        guide_layout.addWidget(self.guidance_label)
        guide_layout.addWidget(self.guidance)
        table_and_guidance.addWidget(guide)
        table_and_guidance.setStretchFactor(0, 4)
        table_and_guidance.setStretchFactor(1, 1)
        left_layout.addWidget(table_and_guidance, 1)

        right = QFrame(self)
        right.setObjectName("scoreSummary")
        right.setFrameShape(QFrame.Shape.StyledPanel)
        right.setMinimumWidth(360)
        right.setMaximumWidth(480)
        right_layout = QVBoxLayout(right)
        figures = QGridLayout()
        figures.addWidget(self.total_caption, 0, 0)
        figures.addWidget(self.grade_caption, 0, 1)
        figures.addWidget(self.total_label, 1, 0)
        figures.addWidget(self.grade_label, 1, 1)
        right_layout.addLayout(figures)
        right_layout.addWidget(self.limit_caption)
        right_layout.addWidget(self.limit_label)
        right_layout.addWidget(self.knockout_label)
        right_layout.addWidget(self.delta_label)
        right_layout.addWidget(self.pending_label)
        right_layout.addWidget(self.rm_inputs_box)
        right_layout.addWidget(self.working_caption)
        right_layout.addWidget(self.working_label)
        right_layout.addWidget(self.radar_caption)
        right_layout.addWidget(self.radar, 1)
        self.radar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.setChildrenCollapsible(False)
        body.addWidget(left)
        # The summary scrolls rather than push Save/Close off a 768-pixel-high screen.
        right_scroll = QScrollArea(self)
        right_scroll.setObjectName("scoreSummaryScroll")
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setWidget(right)
        right_scroll.setMinimumWidth(right.minimumWidth() + 20)
        right_scroll.setMaximumWidth(right.maximumWidth() + 20)
        body.addWidget(right_scroll)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([1000, 420])

        bottom = QHBoxLayout()
        bottom.addWidget(self.what_if_button)
        bottom.addWidget(self.reset_what_if_button)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addLayout(template_row)
        layout.addWidget(self.rationale)
        layout.addWidget(body, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.template_label.setText(self.tr("Scorecard template:"))
        self.rationale_button.setText(self.tr("Rationale"))
        self.rationale_button.setToolTip(self.tr("Why the template weighs what it weighs"))
        self.knockout_box.setTitle(self.tr("Knock-out checks (a 'yes' stops the score)"))
        self.guidance_label.setText(self.tr("Question and guidance for the selected factor"))
        self.total_caption.setText(self.tr("Total (of 100)"))
        self.grade_caption.setText(self.tr("Grade"))
        self.limit_caption.setText(self.tr("Suggested pre-credit limit"))
        self.rm_inputs_box.setTitle(self.tr("Inputs for the limit"))
        self.working_caption.setText(self.tr("How the limit is worked out"))
        self.radar_caption.setText(self.tr("Dimensions (% of their maximum)"))
        self.what_if_button.setText(self.tr("What-if…"))
        self.what_if_button.setToolTip(
            self.tr(
                "Try other profile or financial values in a scratch copy "
                "(double-click a value); never saved"
            )
        )
        self.reset_what_if_button.setText(self.tr("Back to real values"))
        self.history_button.setText(self.tr("History…"))
        self.save_button.setText(self.tr("Save score"))
        self.close_button.setText(self.tr("Close"))

    # ===================================================================== loading

    def _load(self) -> None:
        if self.inputs is None:
            self.title.setText(self.tr("Client not found"))
            self.setWindowTitle(self.tr("Score"))
            self._show_message(self.tr("This client no longer exists."))
            for widget in (self.save_button, self.what_if_button, self.history_button):
                widget.setEnabled(False)
            return
        inputs = self.inputs
        self.setWindowTitle(self.tr("Score — {name}").format(name=inputs.name))
        self.title.setText(inputs.name)
        parts = [inputs.uscc or "", i18n.firm_type_label(inputs.firm_type)]
        parts.append(self.tr("values as of {date}").format(date=inputs.as_of.isoformat()))
        self.subtitle.setText("  ·  ".join(p for p in parts if p))
        try:
            security.require(self.session.user, "score.create", owner_id=inputs.owner_id)
        except PermissionDenied as exc:
            self.permission_error = exc.message
            self.banner.setText(
                self.tr(
                    "You can try answers and what-ifs, but this score cannot be saved: {reason}"
                ).format(reason=exc.message)
            )
            self.banner.setVisible(True)
        self.template_combo.blockSignals(True)
        for template in self.templates.templates:
            self.template_combo.addItem(template.name(), template.code)
        self.template_combo.blockSignals(False)
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        if self.templates.problems:
            self.template_combo.setToolTip(
                self.tr("Template files refused:\n{problems}").format(
                    problems="\n".join(str(p) for p in self.templates.problems)
                )
            )
        chosen = self.templates.for_firm_type(inputs.firm_type) or (
            self.templates.templates[0] if self.templates.templates else None
        )
        if chosen is None:
            self._show_message(self.tr("No valid scorecard template is available."))
            self.save_button.setEnabled(False)
            return
        self.set_template(chosen.code)

    def _template_chosen(self, index: int) -> None:
        code = self.template_combo.itemData(index)
        if code:
            self.set_template(code)

    def set_template(self, code: str) -> None:
        """Score on another template (answers are kept per template)."""
        template = self.templates.get(code)
        if template is None:
            return
        self.template = template
        index = self.template_combo.findData(code)
        if index != self.template_combo.currentIndex():
            self.template_combo.blockSignals(True)
            self.template_combo.setCurrentIndex(index)
            self.template_combo.blockSignals(False)
        applies = ", ".join(i18n.firm_type_label(t) for t in template.firm_types)
        self.template_info.setText(
            self.tr("{code} version {version} · for {types}").format(
                code=template.code, version=template.version, types=applies
            )
        )
        note = template.limit.note_zh if self._zh() else (template.limit.note_en or "")
        text = template.rationale().strip()
        if note:
            text += "\n\n" + self.tr("Limit: {note}").format(note=note)
        self.rationale.setText(text)
        self.answers.setdefault(code, {})
        self.overrides = {k: v for k, v in self.overrides.items() if k in SOURCES}
        self._build_knockouts()
        self._build_rm_inputs()
        self.rescore()

    @staticmethod
    def _zh() -> bool:
        from desktop.core import i18n as core_i18n  # noqa: PLC0415

        return core_i18n.language() == "zh_CN"

    def _clear_grid(self, grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    def _build_knockouts(self) -> None:
        assert self.template is not None
        self._clear_grid(self.knockout_grid)
        self.knockout_combos.clear()
        self.knockout_status.clear()
        answers = self.answers[self.template.code]
        for row, ko in enumerate(self.template.knockouts):
            name = QLabel(ko.question() if ko.is_judgement else ko.name(), self.knockout_box)
            name.setWordWrap(True)
            tip = ko.guidance()
            name.setToolTip(tip)
            self.knockout_grid.addWidget(name, row, 0)
            if ko.is_judgement:
                combo = QComboBox(self.knockout_box)
                combo.setObjectName(f"knockout_{ko.code}")
                combo.addItem(self.tr("— not answered —"), None)
                combo.addItem(self.tr("No"), False)
                combo.addItem(self.tr("Yes (knock-out)"), True)
                combo.setToolTip(tip)
                current = answers.get(ko.code)
                combo.setCurrentIndex(0 if current is None else (2 if current else 1))
                combo.currentIndexChanged.connect(
                    lambda _i, c=ko.code, w=combo: self.set_knockout(c, w.currentData())
                )
                self.knockout_grid.addWidget(combo, row, 1)
                self.knockout_combos[ko.code] = combo
            status = QLabel(self.knockout_box)
            status.setObjectName(f"knockoutStatus_{ko.code}")
            self.knockout_grid.addWidget(status, row, 2)
            self.knockout_status[ko.code] = status
        self.knockout_grid.setColumnStretch(0, 3)
        self.knockout_grid.setColumnStretch(2, 2)
        self.knockout_box.setVisible(bool(self.template.knockouts))

    def _build_rm_inputs(self) -> None:
        assert self.template is not None
        self._clear_grid(self.rm_inputs_form)
        self.rm_input_edits.clear()
        answers = self.answers[self.template.code]
        for row, spec in enumerate(self.template.rm_inputs):
            name = spec.name()
            if spec.unit == "yuan":
                name = self.tr("{name} (10k CNY)").format(name=name)
            label = QLabel(name, self.rm_inputs_box)
            label.setToolTip(spec.guidance())
            edit = QLineEdit(self.rm_inputs_box)
            edit.setObjectName(f"rmInput_{spec.code}")
            edit.setToolTip(spec.guidance())
            value = answers.get(spec.code)
            if spec.unit == "yuan":
                edit.setPlaceholderText(self.tr("10k CNY"))
                if value is not None:
                    edit.setText(f"{Decimal(int(value)) / 10_000:.2f}")
            elif value is not None:
                edit.setText(str(value))
            edit.editingFinished.connect(lambda c=spec.code, w=edit: self.set_rm_input(c, w.text()))
            self.rm_inputs_form.addWidget(label, row, 0)
            self.rm_inputs_form.addWidget(edit, row, 1)
            self.rm_input_edits[spec.code] = edit
        self.rm_inputs_box.setVisible(bool(self.template.rm_inputs))

    def _open_editors(self) -> None:
        """Judgement factors get their answer combo (or field) in place."""
        for row in self.model.judgement_rows():
            self.view.openPersistentEditor(self.model.index(row, FactorTableModel.VALUE))

    # ===================================================================== scoring

    def _answers(self) -> dict[str, Any]:
        assert self.template is not None
        return self.answers[self.template.code]

    def _score(self, answers: dict[str, Any], overrides: dict[str, Any]) -> tuple:
        assert self.template is not None and self.inputs is not None
        real = score_values(self.template, self.inputs, answers)
        shown = score_values(self.template, self.inputs, answers, overrides) if overrides else real
        return real, shown

    def rescore(self) -> bool:
        """Score again with the current answers and what-if values (no database)."""
        if self.template is None or self.inputs is None:
            return False
        try:
            real, shown = self._score(self._answers(), self.overrides if self.what_if else {})
        except ScoringInputError as exc:
            self._show_message(exc.message)
            return False
        self.real, self.result = real, shown
        self._show_result()
        return True

    def _try(self, answers: dict[str, Any], overrides: dict[str, Any]) -> bool:
        """Apply the change only if it scores (a bad value is named, nothing changes)."""
        try:
            self._score(answers, overrides if self.what_if else {})
        except ScoringInputError as exc:
            self._show_message(exc.message)
            return False
        assert self.template is not None
        self.answers[self.template.code] = answers
        self.overrides = overrides
        self._show_message("")
        return self.rescore()

    def set_answer(self, code: str, value: Any) -> bool:
        """A judgement factor's answer (a level code, yes/no or a number; None = unanswered)."""
        answers = dict(self._answers())
        if value is None or (isinstance(value, str) and not value.strip()):
            answers.pop(code, None)
        else:
            answers[code] = value
        return self._try(answers, self.overrides)

    def set_knockout(self, code: str, answer: bool | None) -> bool:
        """A knock-out question answered yes (knocks out), no, or None (not answered)."""
        combo = self.knockout_combos.get(code)
        if combo is not None:
            index = 0 if answer is None else (2 if answer else 1)
            if combo.currentIndex() != index:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        return self.set_answer(code, answer)

    def set_rm_input(self, code: str, text: str) -> bool:
        assert self.template is not None
        spec = next(r for r in self.template.rm_inputs if r.code == code)
        raw = text.strip().replace(",", "")
        if raw and spec.unit == "yuan":
            try:
                raw = str(int((Decimal(raw) * 10_000).to_integral_value()))
            except ArithmeticError:
                self._show_message(
                    self.tr("{name}: '{text}' is not an amount in 10k CNY").format(
                        name=spec.name(), text=text
                    )
                )
                return False
        return self.set_answer(code, raw or None)

    def set_override(self, key: str, text: Any) -> bool:
        """What-if: try another value for a profile/financial source (None: back to real)."""
        if not self.what_if:
            return False
        overrides = dict(self.overrides)
        if text is None:
            overrides.pop(key, None)
            return self._try(dict(self._answers()), overrides)
        spec = SOURCES.get(key)
        label = spec.label() if spec else key
        try:
            overrides[key] = parse_edit(key, text, label)
        except WhatIfValueError as exc:
            self._show_message(str(exc))
            return False
        return self._try(dict(self._answers()), overrides)

    def set_what_if(self, on: bool) -> None:
        """What-if mode on/off; off drops the scratch values."""
        self.what_if = on
        if self.what_if_button.isChecked() != on:
            self.what_if_button.blockSignals(True)
            self.what_if_button.setChecked(on)
            self.what_if_button.blockSignals(False)
        if not on:
            self.overrides = {}
        self.model.set_what_if(on)
        self._show_message("")
        self.rescore()

    def reset_what_if(self) -> None:
        self.overrides = {}
        self.rescore()

    # ===================================================================== showing

    def _show_message(self, text: str) -> None:
        self.message.setText(text)

    def _show_result(self) -> None:
        result, real = self.result, self.real
        assert result is not None and real is not None
        what_if = self.what_if
        self.model.set_result(result, real if what_if else None)
        if result.knocked_out:
            self.total_label.setText("—")
            self.grade_label.setText(self.tr("None"))
            self.grade_label.setStyleSheet(f"color: {STOPPED_COLOUR};")
            self.limit_label.setText(self.tr("No limit"))
            self.knockout_label.setText(
                self.tr("Knocked out: {reason}").format(reason=result.knockout_reason)
            )
        else:
            self.total_label.setText(f"{result.total}")
            self.grade_label.setText(result.grade or "")
            self.grade_label.setStyleSheet(
                f"color: {GRADE_COLOURS.get(result.grade or '', '#5d4037')};"
            )
            self.limit_label.setText(
                self.tr("{amount} 10k CNY").format(amount=wan(result.limit_yuan or 0))
            )
            self.knockout_label.setText("")
        self.knockout_label.setVisible(result.knocked_out)
        self.working_label.setText("\n".join(result.limit_working))
        for ko in result.knockouts:
            status = self.knockout_status.get(ko.code)
            if status is None:
                continue
            if ko.status == TRIGGERED:
                status.setText(self.tr("✗ knock-out"))
                status.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
            elif ko.status == CLEAR:
                status.setText(self.tr("✓ passed"))
                status.setStyleSheet("color: #1b7a3d;")
            else:
                status.setText(self.tr("not checked yet"))
                status.setStyleSheet(f"color: {MISSING_COLOUR};")
            status.setToolTip(ko.reason)
        pending = []
        if result.pending_knockouts:
            pending.append(
                self.tr("{n} knock-out checks not answered: the score is provisional.").format(
                    n=len(result.pending_knockouts)
                )
            )
        missing = result.missing_factors
        if missing and not result.knocked_out:
            unanswered = sum(1 for f in missing if f.source == "rm")
            if unanswered:
                text = self.tr(
                    "{n} factors without data ({unanswered} not answered yet) get their "
                    "missing-data score."
                )
            else:
                text = self.tr("{n} factors without data get their missing-data score.")
            pending.append(text.format(n=len(missing), unanswered=unanswered))
        self.pending_label.setText("\n".join(pending))
        self.pending_label.setVisible(bool(pending))
        if what_if:
            self.delta_label.setText(self._delta_text(real, result))
        self.delta_label.setVisible(what_if)
        self.radar.set_points(result.radar(), real.radar() if what_if else None)
        self._update_buttons()
        self._show_guidance(self.view.currentIndex())

    def _delta_text(self, real: ScoreResult, shown: ScoreResult) -> str:
        lines = [self.tr("What-if (not saved), {n} values changed:").format(n=len(shown.overrides))]

        def total(r: ScoreResult) -> str:
            return "—" if r.knocked_out else f"{r.total}"

        if real.knocked_out or shown.knocked_out:
            lines.append(
                self.tr("Total {real} → {what_if}").format(real=total(real), what_if=total(shown))
            )
        else:
            lines.append(
                self.tr("Total {real} → {what_if} ({delta})").format(
                    real=real.total, what_if=shown.total, delta=signed(shown.total - real.total)
                )
            )
        lines.append(
            self.tr("Grade {real} → {what_if}").format(
                real=real.grade or "—", what_if=shown.grade or "—"
            )
        )
        before, after = real.limit_yuan or 0, shown.limit_yuan or 0
        lines.append(
            self.tr("Limit {real} → {what_if} 10k CNY ({delta})").format(
                real=wan(before), what_if=wan(after), delta=signed(Decimal(after - before) / 10_000)
            )
        )
        return "\n".join(lines)

    def _update_buttons(self) -> None:
        can_save = self.result is not None and not self.what_if and not self.permission_error
        self.save_button.setEnabled(can_save)
        if self.what_if:
            self.save_button.setToolTip(self.tr("A what-if score is never saved."))
        elif self.permission_error:
            self.save_button.setToolTip(self.permission_error)
        else:
            self.save_button.setToolTip(self.tr("Save this score as a snapshot that never changes"))
        self.reset_what_if_button.setVisible(self.what_if)
        self.reset_what_if_button.setEnabled(bool(self.overrides))

    def _toggle_rationale(self, on: bool) -> None:
        self.rationale.setVisible(on)
        self.rationale_button.setArrowType(
            Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow
        )

    def _show_guidance(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        factor, spec = self.model.row_factor(index.row()) if index.isValid() else (None, None)
        if factor is None or spec is None:
            self.guidance.setHtml(
                html.escape(self.tr("Select a factor to see its question, guidance and levels."))
            )
            return
        parts = [f"<b>{html.escape(factor.name())}</b>"]
        if spec.is_judgement:
            parts.append(html.escape(spec.question()))
            if spec.guidance():
                parts.append(
                    "<i>"
                    + html.escape(self.tr("Guidance:"))
                    + "</i> "
                    + html.escape(spec.guidance())
                )
            if spec.choices:
                levels = "".join(
                    f"<li>{html.escape(c.label())} — {format(c.score.normalize(), 'f')}%</li>"
                    for c in spec.choices
                )
                parts.append(f"<ul style='margin-top:0'>{levels}</ul>")
        else:
            assert self.result is not None
            item = self.result.values.get(factor.source_key)
            where = source_text(item) if item is not None else factor.source_text
            parts.append(
                html.escape(
                    self.tr("Value {value}, from the {source}.").format(
                        value=factor.value_text, source=where
                    )
                )
            )
        parts.append(html.escape(self.tr("Points: {reason}").format(reason=factor.reason)))
        self.guidance.setHtml("<br>".join(parts))

    # ===================================================================== actions

    def save(self) -> str | None:
        """Save the real score as a snapshot; returns its id (None if refused or declined)."""
        result = self.real
        if result is None:
            return None
        if self.what_if:
            QMessageBox.information(
                self,
                self.tr("Save score"),
                self.tr("A what-if score is never saved. Go back to the real values first."),
            )
            return None
        open_questions = len(result.pending_knockouts) + sum(
            1 for f in result.missing_factors if f.source == "rm"
        )
        if open_questions:
            answer = QMessageBox.question(
                self,
                self.tr("Save score"),
                self.tr(
                    "{n} questions are not answered; they are saved as missing data. Save anyway?"
                ).format(n=open_questions),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            snapshot_id = save_snapshot(self.session.db, self.session.user, result)
        except PermissionDenied as exc:
            QMessageBox.warning(self, self.tr("Score not saved"), exc.message)
            return None
        except (ScoringError, ScoringInputError) as exc:
            QMessageBox.warning(self, self.tr("Score not saved"), exc.message)
            return None
        except DatabaseError as exc:
            QMessageBox.warning(self, self.tr("Score not saved"), database_error_message(exc))
            return None
        self.saved_ids.append(snapshot_id)
        answer = QMessageBox.question(
            self,
            self.tr("Score saved"),
            self.tr(
                "The score was saved: total {total}, grade {grade}. It will not change, even "
                "if the template changes later. Open the score history?"
            ).format(
                total="—" if result.knocked_out else result.total,
                grade=result.grade or self.tr("none (knocked out)"),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_history()
        return snapshot_id

    def open_history(self) -> None:
        from desktop.ui.dialogs.score_history_dialog import ScoreHistoryDialog  # noqa: PLC0415

        ScoreHistoryDialog.show_history(self.session, self.client_id, self)

    @classmethod
    def score_client(
        cls, session: Session, client_id: str, parent: QWidget | None = None
    ) -> tuple[list[str], bool]:
        """Run the scoring page; ``(saved snapshot ids, True if any was saved)``."""
        dialog = cls(session, client_id, parent)
        dialog.exec()
        saved = list(dialog.saved_ids)
        dialog.deleteLater()
        return saved, bool(saved)
