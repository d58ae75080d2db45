"""Reads an .xlsx file with openpyxl (an independent reader) and prints what a
spreadsheet would show, as JSON: per sheet its rows of values (numbers as numbers),
each cell's number format where it is not General, the frozen cell and the column
widths. Usage: read_xlsx.py FILE"""
import json
import sys

import openpyxl

with open(sys.argv[1], "rb") as f:
    book = openpyxl.load_workbook(f)
out = {}
for ws in book.worksheets:
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    formats = {c.coordinate: c.number_format for row in ws.iter_rows() for c in row if c.value is not None and c.number_format != "General"}
    widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
    out[ws.title] = {"rows": rows, "formats": formats, "freeze": ws.freeze_panes, "widths": widths, "bold_header": all(c.font.b for c in ws[1] if c.value is not None)}
print(json.dumps({"sheets": book.sheetnames, "data": out}, ensure_ascii=False))
