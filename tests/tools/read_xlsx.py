"""Reads a workbook the way openpyxl users do and prints what a test needs as JSON: each
sheet's frozen pane, filter range, drop-down lists, and every cell's type and value (dates as
ISO text). Text is returned as openpyxl gives it, and also with the _xHHHH_ escapes of
ECMA-376 (ST_Xstring) undone, which openpyxl leaves in place but Excel and LibreOffice apply."""

import datetime
import json
import re
import sys

import openpyxl


def unescape(text):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def cell(c):
    value = c.value
    if isinstance(value, datetime.datetime):
        return {"type": "date", "value": value.date().isoformat()}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": value, "format": c.number_format}
    if isinstance(value, str):
        return {"type": "text", "value": value, "read": unescape(value)}
    return None


book = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in book.worksheets:
    out.append({
        "name": ws.title,
        "frozen": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "lists": [{"range": str(v.sqref), "values": v.formula1} for v in ws.data_validations.dataValidation if v.type == "list"],
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
    })
print(json.dumps(out))
