"""Dump an .xlsx workbook as JSON for chitieu's Swift tests (read with openpyxl, independent of libxlsxwriter).

Usage: python3 read_xlsx.py FILE.xlsx  ->  {"sheets": [{"name", "freeze", "autofilter", "widths",
"rows": [[{"v", "t", "fmt", "fill", "font", "bold"}, ...], ...]}], "title": ...}
"""
import json
import sys

import openpyxl


def cell(c):
    fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
    font = c.font.color.rgb if c.font is not None and c.font.color is not None else None
    value = c.value
    if value is not None and not isinstance(value, (int, float, str, bool)):
        value = str(value)
    return {"v": value, "t": c.data_type, "fmt": c.number_format, "fill": fill,
            "font": font if isinstance(font, str) else None, "bold": bool(c.font.b) if c.font is not None else False}


def main(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        widths = {k: v.width for k, v in ws.column_dimensions.items()}
        rows = [[cell(c) for c in row] for row in ws.iter_rows()]
        sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "autofilter": ws.auto_filter.ref,
                       "widths": widths, "rows": rows})
    json.dump({"title": wb.properties.title, "sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
