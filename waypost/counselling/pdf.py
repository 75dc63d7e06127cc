"""A printable information sheet: fpdf2 with HarfBuzz shaping and the DejaVu Sans font.

DejaVu Sans (shipped with matplotlib) covers Latin, Cyrillic and Arabic script with the Persian and
Kurdish letters. Right-to-left sheets are set with a right-to-left base direction, so fpdf2 runs
the Unicode bidirectional algorithm over each paragraph (numbers and Latin words inside Arabic
script keep their own order) and HarfBuzz picks the joined letter forms; paragraphs are aligned
to the right. The script is left for HarfBuzz to find per run (forcing `arab` would shape the
Latin runs of a mixed paragraph as Arabic); the language is the BCP 47 tag (`ckb` for Sorani, not
`ku`, which is the macro-language and would be Kurmanji's Latin script as well).

Every paragraph is a `multi_cell` that returns the cursor to the left margin on a new line
(`new_x=LMARGIN, new_y=NEXT`): fpdf2's default leaves it at the right end of the cell, so the next
full-width cell has no width left and fpdf2 raises "Not enough horizontal space to render a single
character" — whatever the language or shaping.
"""

from datetime import date
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from waypost.counselling.sheets import Sheet

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "dejavu"
HARFBUZZ_LANGUAGE = {"en": "en", "ar": "ar", "ckb": "ckb", "kmr": "kmr", "fa": "fa", "ru": "ru"}
LINE_MM = 6.5
BULLET = "•"


def sheet_pdf(sheet: Sheet, *, printed_on: date) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(sheet.title)
    pdf.set_lang(sheet.language)
    pdf.set_creator("Waypost")
    pdf.set_margins(18, 18, 18)
    pdf.add_font(FONT, fname=str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, style="B", fname=str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_text_shaping(
        use_shaping_engine=True,
        direction=sheet.direction,
        language=HARFBUZZ_LANGUAGE[sheet.language],
    )
    pdf.add_page()
    align = "R" if sheet.is_rtl else "L"
    pdf.set_font(FONT, style="B", size=16)
    paragraph(pdf, sheet.title, align, height=9)
    if notice := sheet.unreviewed_notice():
        pdf.set_font(FONT, size=10)
        pdf.set_text_color(150, 30, 30)
        paragraph(pdf, notice, align)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    pdf.set_font(FONT, size=12)
    for kind, text in sheet.blocks():
        paragraph(pdf, f"{BULLET} {text}" if kind == "li" else text, align)
        pdf.ln(1 if kind == "li" else 2.5)
    footer(pdf, sheet, printed_on)
    return bytes(pdf.output())


def paragraph(pdf: FPDF, text: str, align: str, height: float = LINE_MM) -> None:
    pdf.multi_cell(0, height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def footer(pdf: FPDF, sheet: Sheet, printed_on: date) -> None:
    """Which text this is, in Latin script and left to right whatever the sheet's language."""
    pdf.set_text_shaping(use_shaping_engine=True, direction="ltr", language="en")
    pdf.set_font(FONT, size=8)
    pdf.set_text_color(90, 90, 90)
    pdf.ln(4)
    reviewed = f"reviewed {sheet.reviewed_on}" if sheet.reviewed else "not reviewed"
    line = (
        f"Waypost · {sheet.sheet} · {sheet.language} · revision {sheet.revision} · "
        f"{reviewed} · printed {printed_on.isoformat()}"
    )
    paragraph(pdf, line, "L", height=4)
