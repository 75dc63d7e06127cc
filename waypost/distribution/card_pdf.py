"""Household cards as a printable PDF: an A4 sheet of ten cards of bank-card size.

Each card shows the household number, the head's name in Latin and in its original script,
the household size, the QR code holding the signed token and the short code to type. The QR
modules are drawn as filled squares (vector, crisp at any printer resolution); text is set in
DejaVu Sans (shipped with matplotlib, it covers Latin, Cyrillic and Arabic) and shaped with
HarfBuzz, so Arabic letters join and run right to left.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from fpdf import FPDF

# fpdf2, segno and matplotlib are imported when a card is drawn, not when the app starts: a
# server worker answering redemptions never needs them.
# ISO/IEC 7810 ID-1, the size of a bank card: fits a wallet and a plastic sleeve.
CARD_W, CARD_H = 85.6, 53.98
COLUMNS, ROWS = 2, 5
MARGIN_X, MARGIN_Y, GAP = 15.0, 10.0, 4.0
QR_SIZE = 30.0  # mm; a version-3 code at 30 mm has 1 mm modules, read by any handheld scanner


@dataclass(frozen=True)
class PrintedCard:
    """What one card shows: no date of birth, no protection details."""

    household_number: str
    head_name: str
    head_name_native: str
    household_size: int
    site: str
    token: str
    short_code: str
    version: int


def _fonts() -> tuple[Path, Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def _draw_qr(pdf: "FPDF", token: str, x: float, y: float, size: float) -> None:
    import segno

    qr = segno.make(token, error="m")
    matrix = [list(row) for row in qr.matrix_iter(border=0)]
    module = size / len(matrix)
    pdf.set_fill_color(0, 0, 0)
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            run = column
            while run < len(cells) and cells[run]:
                run += 1
            # One rectangle per run of dark modules: fewer shapes, no hairline gaps.
            pdf.rect(x + column * module, y + row * module, (run - column) * module, module, "F")
            column = run


def _draw_card(pdf: "FPDF", card: PrintedCard, x: float, y: float) -> None:
    pdf.set_draw_color(120, 120, 120)
    pdf.rect(x, y, CARD_W, CARD_H)
    _draw_qr(pdf, card.token, x + CARD_W - QR_SIZE - 4, y + 5, QR_SIZE)
    text_w = CARD_W - QR_SIZE - 11
    pdf.set_xy(x + 4, y + 4)
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(text_w, 6, card.household_number)
    pdf.set_font("DejaVu", "", 9)
    lines = [
        card.head_name,
        card.head_name_native,
        _("Household of %(size)s") % {"size": card.household_size},
        card.site,
    ]
    for offset, line in enumerate(lines):
        pdf.set_xy(x + 4, y + 12 + offset * 5.5)
        pdf.cell(text_w, 5, line)
    pdf.set_xy(x + CARD_W - QR_SIZE - 6, y + QR_SIZE + 7)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(QR_SIZE + 4, 6, card.short_code, align="C")
    pdf.set_xy(x + 4, y + CARD_H - 8)
    pdf.set_font("DejaVu", "", 7)
    pdf.cell(text_w, 4, _("Card %(version)s · Waypost") % {"version": card.version})


def card_pdf(cards: Sequence[PrintedCard]) -> bytes:
    """An A4 PDF with ten cards per sheet, cut marks drawn as the cards' outlines."""
    from fpdf import FPDF

    regular, bold = _fonts()
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_text_shaping(True)
    pdf.set_title(_("Household cards"))
    per_page = COLUMNS * ROWS
    for index, card in enumerate(cards):
        if index % per_page == 0:
            pdf.add_page()
        slot = index % per_page
        x = MARGIN_X + (slot % COLUMNS) * (CARD_W + GAP)
        y = MARGIN_Y + (slot // COLUMNS) * (CARD_H + GAP)
        _draw_card(pdf, card, x, y)
    if not cards:
        pdf.add_page()
    return bytes(pdf.output())
