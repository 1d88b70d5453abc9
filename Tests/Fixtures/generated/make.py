"""Writes the small synthetic fixtures of this folder (run: python3 make.py). Each file exercises one feature
of an extractor that the real evidence in ../docs does not: Word headers, footers, footnotes, endnotes,
comments and text boxes; Excel inline strings; PowerPoint speaker notes; OpenDocument spreadsheets and
presentations; quoted-printable windows-1256 e-mail with only an HTML part; UTF-16 and windows-1256 text;
a PNG with an eXIf chunk; ZIP containers written field by field: one in ZIP64 form, and damaged ones (a compressed part cut
short, a part failing its CRC-32). kufi_arabic.pdf and english_dejavu.pdf are kufi_source.txt in Noto Kufi Arabic and english_source.txt in
DejaVu Sans, made the same way. lam_alef_dejavu.pdf is lam_alef_source.txt set in DejaVu Sans by pango (its text layer writes lam-alef as
alef-lam):
    pango-view --font="DejaVu Sans 14" --no-display --output=lam_alef_dejavu.pdf lam_alef_source.txt
permissions_only.pdf (an owner password, no user password) is made with qpdf:
    qpdf --encrypt "" owner-secret 256 --print=none --modify=none -- ../docs/npo_tf_risk_guidance_note.pdf permissions_only.pdf
"""
import struct
import zipfile
import zlib

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_zip(name, parts, stored_first=None):
    """Writes a ZIP with fixed timestamps, so the same script always writes the same bytes."""
    stamp = (2023, 10, 15, 0, 0, 0)
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first[0], stamp), stored_first[1], compress_type=zipfile.ZIP_STORED)
        for path, text in parts.items():
            archive.writestr(zipfile.ZipInfo(path, stamp), text, compress_type=zipfile.ZIP_DEFLATED)


def raw_zip(name, parts, zip64=False, cut=None, bad_crc=None):
    """Writes a ZIP field by field: ZIP64 sizes and offsets on request, the part named `cut` with only half of its
    compressed data (and sizes that agree), the part named `bad_crc` with a wrong CRC-32."""
    body, directory = b"", b""
    for path, text in parts.items():
        data = text.encode()
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = packer.compress(data) + packer.flush()
        if path == cut:
            packed = packed[:len(packed) // 2]
        crc = zlib.crc32(data) ^ (0xFFFF if path == bad_crc else 0)
        encoded = path.encode()
        wide = struct.pack("<HHQQQ", 1, 24, len(data), len(packed), len(body)) if zip64 else b""
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if zip64 else (len(packed), len(data))
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0x800, 8, 0, 0x5750, crc, sizes[0], sizes[1], len(encoded), 0)
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0x800, 8, 0, 0x5750, crc, sizes[0], sizes[1],
                                 len(encoded), len(wide), 0, 0, 0, 0, 0xFFFFFFFF if zip64 else len(body)) + encoded + wide
        body += local + encoded + packed
    end = b""
    if zip64:
        end = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(parts), len(parts), len(directory), len(body))
        end += struct.pack("<IIQI", 0x07064B50, 0, len(body) + len(directory), 1)
    counts = 0xFFFF if zip64 else len(parts)
    end += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, counts, counts, len(directory),
                       0xFFFFFFFF if zip64 else len(body), 0)
    with open(name, "wb") as f:
        f.write(body + directory + end)


def damaged_zips():
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               + "".join(f"<text:p>محضر اجتماع اللجنة التوجيهية رقم {n} حول الشفافية المالية</text:p>" for n in range(400))
               + "</office:text></office:body></office:document-content>")
    parts = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
    raw_zip("zip64_minutes.odt", parts, zip64=True)
    raw_zip("../bad/truncated_deflate_minutes.odt", parts, cut="content.xml")
    raw_zip("../bad/crc_mismatch_minutes.odt", parts, bad_crc="content.xml")


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx():
    body = (para("تقرير ورشة المحافظات") + para("نص الفقرة الأولى في المتن.")
            + '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
            + para("مربع نص عن الموازنة المفتوحة") + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
            + '<mc:Fallback><w:pict>' + para("مربع نص عن الموازنة المفتوحة") + '</w:pict></mc:Fallback>'
            + '</mc:AlternateContent></w:r></w:p>'
            + '<w:tbl><w:tr><w:tc>' + para("خلية الجدول الأولى") + '</w:tc><w:tc>' + para("Second table cell") + '</w:tc></w:tr></w:tbl>'
            + '<w:p><w:r><w:delText>نص محذوف لا يظهر</w:delText></w:r></w:p>')
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    rels = (f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/header" Target="header1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/footer" Target="footer1.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rId4" Type="{REL}/endnotes" Target="endnotes.xml"/>'
            f'<Relationship Id="rId5" Type="{REL}/comments" Target="comments.xml"/></Relationships>')
    part = lambda root, text: f'<?xml version="1.0"?><w:{root} {W}>{para(text)}</w:{root}>'
    write_zip("word_parts.docx", {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": document,
        "word/_rels/document.xml.rels": rels,
        "word/header1.xml": part("hdr", "ترويسة وزارة التخطيط"),
        "word/footer1.xml": part("ftr", "Page footer of the report"),
        "word/footnotes.xml": part("footnotes", "حاشية سفلية عن المصدر"),
        "word/endnotes.xml": part("endnotes", "Endnote about the methodology"),
        "word/comments.xml": part("comments", "تعليق المراجع على الفقرة"),
    })


def xlsx():
    workbook = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                '<sheet name="الحضور" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = (f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>سجل المشاركين المضمن</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><r><t>Inline </t></r><r><t>rich text</t></r></is></c><c r="B2"><v>42</v></c>'
             '<c r="C2" t="b"><v>1</v></c></row></sheetData></worksheet>')
    write_zip("inline_strings.xlsx", {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet1.xml": sheet,
    })


def pptx():
    P = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    def shape(text, placeholder=None):
        ph = f'<p:nvPr><p:ph type="{placeholder}"/></p:nvPr>' if placeholder else '<p:nvPr/>'
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="1" name="s"/><p:cNvSpPr/>{ph}</p:nvSpPr>'
                f'<p:txBody><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>')
    slide = lambda *shapes: f'<?xml version="1.0"?><p:sld {P}><p:cSld><p:spTree>{"".join(shapes)}</p:spTree></p:cSld></p:sld>'
    notes = (f'<?xml version="1.0"?><p:notes {P}><p:cSld><p:spTree>{shape("3", "sldNum")}'
             f'{shape("ملاحظات المتحدث عن الشريحة الثانية", "body")}</p:spTree></p:cSld></p:notes>')
    presentation = (f'<?xml version="1.0"?><p:presentation {P}><p:sldIdLst>'
                    '<p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId1"/></p:sldIdLst></p:presentation>')
    rels = (f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/slide" Target="slides/slide1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/slide" Target="slides/slide2.xml"/></Relationships>')
    slide1_rels = (f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/notesSlide" Target="../notesSlides/notesSlide1.xml"/></Relationships>')
    write_zip("speaker_notes.pptx", {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "ppt/presentation.xml": presentation, "ppt/_rels/presentation.xml.rels": rels,
        "ppt/slides/slide2.xml": slide(shape("عنوان الشريحة الأولى", "title"), shape("نقطة في الشريحة الأولى")),
        "ppt/slides/slide1.xml": slide(shape("Second slide title", "title"), shape("Second slide bullet")),
        "ppt/slides/_rels/slide1.xml.rels": slide1_rels,
        "ppt/notesSlides/notesSlide1.xml": notes,
    })


def odf(name, mimetype, body):
    NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')
    content = f'<?xml version="1.0"?><office:document-content {NS}><office:body>{body}</office:body></office:document-content>'
    meta = (f'<?xml version="1.0"?><office:document-meta {NS}><office:meta><dc:title>{name}</dc:title>'
            '<meta:initial-creator>وحدة الحكومة الشفافة</meta:initial-creator>'
            '<meta:creation-date>2023-09-01T10:00:00</meta:creation-date></office:meta></office:document-meta>')
    extension = {"spreadsheet": "ods", "presentation": "odp"}[mimetype]
    write_zip(f"{name}.{extension}", {"content.xml": content, "meta.xml": meta},
              stored_first=("mimetype", f"application/vnd.oasis.opendocument.{mimetype}"))


def text_files():
    with open("utf16_minutes.txt", "wb") as f:
        f.write("محضر مكتوب بترميز UTF-16\r\nالسطر الثاني".encode("utf-16"))
    with open("utf16le_no_bom.txt", "wb") as f:
        f.write("ملاحظات بترميز UTF-16 دون علامة".encode("utf-16-le"))
    with open("whitespace_only.txt", "wb") as f:
        f.write(b"   \n\t\n  ")
    with open("windows1256_notes.txt", "wb") as f:
        f.write("ملاحظات مكتوبة بترميز ويندوز العربي\nالسطر الثاني من الملاحظات".encode("cp1256"))
    html = "<html><body><p>دعوة إلى ورشة الموازنة المفتوحة</p></body></html>".encode("cp1256")
    import quopri
    sender = ("=" + "وزارة المالية".encode("cp1256").hex("=").upper()).encode()
    message = (b"From: =?windows-1256?Q?" + sender + b"?= <mof@example.org>\r\n"
               b"To: forum@example.org\r\nSubject: =?utf-8?Q?Open_budget_workshop?=\r\nDate: Mon, 4 Sep 2023 09:15:00 +0300\r\n"
               b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=windows-1256\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
               + quopri.encodestring(html))
    with open("html_only.eml", "wb") as f:
        f.write(message)


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    date = b"2023:09:04 11:20:05\x00"
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x8769, 4, 1, 26) + struct.pack("<I", 0)
    exif = struct.pack("<H", 1) + struct.pack("<HHII", 0x9003, 2, len(date), 44) + struct.pack("<I", 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0 + exif + date
    raw = zlib.compress(b"\x00\xff\xff\xff")
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"eXIf", tiff)
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))
    with open("photo_with_exif.png", "wb") as f:
        f.write(data)


docx()
xlsx()
pptx()
odf("budget_sheet", "spreadsheet",
    '<office:spreadsheet><table:table table:name="النفقات"><table:table-row><table:table-cell><text:p>بند النفقات الرأسمالية</text:p>'
    '</table:table-cell><table:table-cell><text:p>1200</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>')
odf("forum_slides", "presentation",
    '<office:presentation><draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>شريحة منتدى الحكومة</text:p></draw:text-box></draw:frame>'
    '<presentation:notes><draw:frame><draw:text-box><text:p>ملاحظة المقدم</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>'
    '<draw:page draw:name="page2"><draw:frame><draw:text-box><text:p>Second page<text:s text:c="3"/>spaced</text:p></draw:text-box></draw:frame></draw:page>'
    '</office:presentation>')
text_files()
png()
damaged_zips()
