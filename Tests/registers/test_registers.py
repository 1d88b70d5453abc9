#!/usr/bin/env python3
"""The register's outputs checked by the tools their readers use: the DCAT JSON-LD parsed as RDF by rdflib,
evidence packs validated by the Library of Congress's bagit tool, and the CSV opened by LibreOffice (converted
to xlsx and read back). A restricted document must appear in none of the public outputs.

    python3 Tests/registers/test_registers.py --bin .build/debug/bayyina
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import bagit
import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Fixtures")
ENV = {"BAYYINA_NOW": "2025-06-30T09:00:00Z", "BAYYINA_BASE_URL": "https://evidence.example.jo"}
ARABIC_TITLE = "محضر اجتماع اللجنة الفنية للالتزام الثاني"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def run(binary, store, *arguments):
    env = dict(os.environ, BAYYINA_STORE=store, **ENV)
    result = subprocess.run([binary, *arguments], env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit("bayyina %s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr))
    return result.stdout


def make_store(binary, store):
    run(binary, store, "plan", "import", os.path.join(FIXTURES, "plan.json"))
    docs = os.path.join(FIXTURES, "docs")
    run(binary, store, "ingest", os.path.join(docs, ARABIC_TITLE + ".docx"), "--milestone", "C2.M1")
    run(binary, store, "ingest", os.path.join(docs, "msf_meeting_minutes_2022-03-20_en.pdf"), "--milestone", "C6.M1")
    line = run(binary, store, "ingest", os.path.join(docs, "karak_hearing_notes.txt"), "--commitment", "C5",
               "--classification", "restricted", "--legal-basis", "ATI Law art. 13(e)", "--json")
    return json.loads(line)["sha256"]


def check_jsonld(binary, store, hidden):
    text = run(binary, store, "listing", "--format", "jsonld")
    graph = rdflib.Graph().parse(data=text, format="json-ld")
    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    check(len(catalogs) == 1, "JSON-LD: one dcat:Catalog")
    datasets = list(graph.objects(catalogs[0], DCAT.dataset)) if catalogs else []
    check(len(datasets) == 2, "JSON-LD: the catalogue has the 2 public datasets (found %d)" % len(datasets))
    check(all((d, RDF.type, DCAT.Dataset) in graph for d in datasets), "JSON-LD: each is a dcat:Dataset")
    titles = [t for d in datasets for t in graph.objects(d, DCTERMS.title)]
    check(any(t.language == "ar" and t.startswith(ARABIC_TITLE) for t in titles), "JSON-LD: Arabic dcterms:title tagged @ar")
    references = sorted(str(i) for d in datasets for i in graph.objects(d, DCTERMS.identifier))
    check(references == ["BY-000001", "BY-000002"], "JSON-LD: dcterms:identifier holds the listing references")
    downloads = [u for d in datasets for dist in graph.objects(d, DCAT.distribution) for u in graph.objects(dist, DCAT.downloadURL)]
    check(len(downloads) == 2 and all(str(u).startswith("https://evidence.example.jo/documents/") for u in downloads),
          "JSON-LD: each dataset has a dcat:Distribution with a dcat:downloadURL")
    issued = [i for d in datasets for i in graph.objects(d, DCTERMS.issued)]
    check(all(str(i.datatype).endswith("#date") for i in issued) and len(issued) == 2, "JSON-LD: dcterms:issued typed xsd:date")
    terms = " ".join(str(t) for triple in graph for t in triple)
    check(hidden not in terms and "karak_hearing" not in terms, "JSON-LD: the restricted document is in no triple")


def check_bags(binary, store, hidden, folder):
    public = os.path.join(folder, "public-pack")
    run(binary, store, "export", "bag", "--out", public, "--organization", "وحدة الحكومة المنفتحة")
    tool = subprocess.run([sys.executable, "-m", "bagit", "--validate", public], capture_output=True, text=True)
    check(tool.returncode == 0, "bagit.py --validate accepts the public pack" + ("" if tool.returncode == 0 else ": " + tool.stderr[-400:]))
    bag = bagit.Bag(public)
    check(bag.info.get("Source-Organization") == "وحدة الحكومة المنفتحة", "bag-info.txt keeps the Arabic Source-Organization")
    check(bag.info.get("Payload-Oxum", "").endswith(".2"), "Payload-Oxum counts the 2 public originals")
    files = list(bag.payload_files())
    check(any(ARABIC_TITLE in f for f in files), "the Arabic file name survives in data/")
    everything = "".join(open(os.path.join(public, name), encoding="utf-8").read()
                         for name in os.listdir(public) if name != "data")
    check(hidden not in everything and not any("karak_hearing" in f for f in files), "the public pack holds nothing restricted")
    internal = os.path.join(folder, "internal-pack")
    run(binary, store, "export", "bag", "--out", internal, "--audience", "internal", "--commitment", "C5")
    check(subprocess.run([sys.executable, "-m", "bagit", "--validate", internal], capture_output=True).returncode == 0,
          "bagit.py --validate accepts the internal pack of C5")
    check(bagit.Bag(internal).info.get("Payload-Oxum", "").endswith(".1"), "the internal pack of C5 holds its restricted original")


def xlsx_rows(path):
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as book:
        strings = ["".join(t.text or "" for t in si.iter(main + "t"))
                   for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall(main + "si")]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(main + "row"):
        cells = []
        for cell in row.findall(main + "c"):
            value = cell.find(main + "v")
            cells.append(strings[int(value.text)] if cell.get("t") == "s" else (value.text if value is not None else ""))
        rows.append(cells)
    return rows


def check_libreoffice(binary, store, folder):
    csv_path = os.path.join(folder, "register.csv")
    run(binary, store, "listing", "--format", "csv", "--output", csv_path)
    profile = os.path.join(folder, "lo-profile")
    # The import options a user picks in LibreOffice's dialog: comma, double quote, UTF-8 (76), from line 1.
    result = subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + profile, "--infilter=CSV:44,34,76,1",
                             "--convert-to", "xlsx", "--outdir", folder, csv_path], capture_output=True, text=True, timeout=180)
    xlsx = os.path.join(folder, "register.xlsx")
    check(result.returncode == 0 and os.path.exists(xlsx), "LibreOffice converts the CSV to xlsx")
    if not os.path.exists(xlsx):
        return
    rows = xlsx_rows(xlsx)
    check(rows[0][0] == "Reference / المرجع", "the header's first cell reads back exactly (BOM consumed, Arabic intact)")
    check(len(rows) == 3, "two public rows read back (found %d)" % (len(rows) - 1))
    check(any(cell.startswith(ARABIC_TITLE) for row in rows for cell in row), "the Arabic title reads back intact")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    binary = os.path.abspath(parser.parse_args().bin)
    with tempfile.TemporaryDirectory(prefix="bayyina-registers-") as folder:
        store = os.path.join(folder, "store")
        hidden = make_store(binary, store)
        check_jsonld(binary, store, hidden)
        check_bags(binary, store, hidden, folder)
        check_libreoffice(binary, store, folder)
    if failures:
        raise SystemExit("%d register check(s) failed" % len(failures))
    print("all register checks passed")


if __name__ == "__main__":
    main()
