"""Reads a CSV the way CISO Assistant's data wizard does (backend/data_wizard/views.py,
read_csv_file: UTF-8 with an optional byte-order mark, the delimiter sniffed among , ; tab |)
and prints the delimiter it found and the records as JSON."""

import csv
import io
import json
import sys

raw = open(sys.argv[1], "rb").read()
sample = raw[:8192].decode("utf-8-sig", errors="replace")
try:
    sep = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
except csv.Error:
    sep = ","
rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=sep))
print(json.dumps({"delimiter": sep, "columns": list(rows[0].keys()) if rows else [], "records": rows}))
