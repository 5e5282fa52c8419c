"""Reads a Word document the way python-docx users do and prints what a test needs as JSON:
each paragraph's style and text (in document order, tables in between), each table's rows
and whether its first row repeats as a header, the pictures' sizes (EMU), and the footer's
text and fields."""

import json
import sys

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
body = []
for child in document.element.body.iterchildren():
    if child.tag == qn("w:p"):
        paragraph = docx.text.paragraph.Paragraph(child, document)
        body.append({"style": paragraph.style.name, "text": paragraph.text})
    elif child.tag == qn("w:tbl"):
        table = docx.table.Table(child, document)
        header = table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        body.append({"table": [[cell.text for cell in row.cells] for row in table.rows], "header": header})
footer = document.sections[0].footer
fields = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
print(json.dumps({
    "title": document.core_properties.title,
    "pictures": [{"width": shape.width, "height": shape.height} for shape in document.inline_shapes],
    "body": body,
    "footer": {"text": footer.paragraphs[0].text, "fields": fields},
}))
