"""Real-browser test of the web application: Debian's chromium and chromium-driver through selenium.

Starts `bayyina serve` on a fresh store with the bundled plan and samples and a staff token, then, as a person
would: opens the overview (Arabic, right to left), searches in Arabic, opens a document, signs in with the
token, uploads a file and finds it. Screenshots go to --shots (default /tmp/bayyina-browser).

Usage: python3 Tests/browser/test_browser.py --bin .build/debug/bayyina
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

RESULTS = []


def check(name, condition, detail=""):
    RESULTS.append((name, bool(condition)))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f" — {detail}"), flush=True)


def wait_for(condition, seconds=10):
    """Waits until condition() is true (pages load after clicks); returns its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--shots", default="/tmp/bayyina-browser")
    args = parser.parse_args()
    binary = str(Path(args.bin).resolve())
    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    store = tempfile.mkdtemp(prefix="bayyina-browser-")
    env = dict(os.environ, BAYYINA_STORE=store)
    subprocess.run([binary, "seed"], env=env, check=True, stdout=subprocess.DEVNULL)
    unlinked = Path(store) / "incoming" / "تقرير متابعة النزاهة.txt"
    unlinked.parent.mkdir()
    unlinked.write_text("تقرير متابعة ضمن أنشطة الالتزام الخامس من الخطة الوطنية الخامسة.\n", encoding="utf-8")
    subprocess.run([binary, "ingest", str(unlinked)], env=env, check=True, stdout=subprocess.DEVNULL)
    token = json.loads(subprocess.run([binary, "token", "create", "--name", "browser", "--role", "reviewer", "--json"],
                                      env=env, check=True, capture_output=True, text=True).stdout)["secret"]
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1000", "--lang=ar"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    try:
        driver.get(base + "/")
        html = driver.find_element(By.TAG_NAME, "html")
        check("overview is Arabic and right to left", html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl")
        commitments = driver.find_elements(By.CSS_SELECTOR, "ol.commitments > li")
        check("overview lists the six commitments", len(commitments) == 6, f"{len(commitments)} found")
        heading = driver.find_element(By.TAG_NAME, "h1")
        check("the plan title is shown in Arabic", "الخطة الوطنية الخامسة" in heading.text, heading.text)
        check("the heading is laid out right to left", heading.value_of_css_property("direction") == "rtl")
        driver.save_screenshot(str(shots / "overview.png"))

        box = driver.find_element(By.ID, "q")
        box.send_keys("الحكومات الشفافة")
        box.submit()
        wait_for(lambda: "/search" in driver.current_url and driver.find_elements(By.CSS_SELECTOR, "p.count"))
        marks = driver.find_elements(By.CSS_SELECTOR, "p.snippet mark")
        check("an Arabic search highlights its matches", len(marks) > 0 and any("الشفافة" in m.text for m in marks),
              [m.text for m in marks][:5])
        typed = driver.find_element(By.ID, "q").get_attribute("value")
        check("the search box keeps the words as typed", typed == "الحكومات الشفافة", typed)
        count = driver.find_element(By.CSS_SELECTOR, "p.count").text
        check("the search says how many results", count.split()[0].isdigit() and int(count.split()[0]) >= 1, count)
        facets = driver.find_elements(By.CSS_SELECTOR, "aside.facets section")
        check("the search offers facets", len(facets) >= 2, f"{len(facets)} facets")
        driver.save_screenshot(str(shots / "search.png"))

        driver.find_element(By.CSS_SELECTOR, "ol.results h2 a").click()
        wait_for(lambda: "/documents/" in driver.current_url)
        check("a document page shows its title", "اجتماع" in driver.find_element(By.TAG_NAME, "h1").text)
        download = driver.find_element(By.CSS_SELECTOR, "a.download")
        check("a document page offers the original", download.get_attribute("href").endswith("/download"))
        preview = driver.find_element(By.CSS_SELECTOR, "pre.text")
        layout = (preview.value_of_css_property("direction"), preview.value_of_css_property("unicode-bidi"))
        check("the Arabic preview runs right to left as one text (Latin lines keep their brackets)",
              layout[0] == "rtl" and layout[1] != "plaintext", layout)
        driver.save_screenshot(str(shots / "document.png"))

        driver.get(base + "/staff/signin")
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, "form.staff button").click()
        check("signing in with a token opens the upload page", wait_for(lambda: "/staff/upload" in driver.current_url),
              driver.current_url)
        upload = Path(store) / "upload" / "محضر ورشة البلقاء.txt"
        upload.parent.mkdir()
        upload.write_text("محضر ورشة البلقاء حول الموازنة التشاركية\nناقش المشاركون أولويات الموازنة.\n", encoding="utf-8")
        driver.find_element(By.ID, "files").send_keys(str(upload))
        driver.find_element(By.ID, "milestone").send_keys("C2.M1")
        driver.save_screenshot(str(shots / "upload.png"))
        driver.find_element(By.CSS_SELECTOR, "form.staff button[type=submit]:last-of-type").click()
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "ul.upload-results"))
        results = driver.find_element(By.CSS_SELECTOR, "ul.upload-results").text
        check("the upload reports the file as stored", "حُفظ وفُهرس" in results and "البلقاء" in results, results)
        driver.save_screenshot(str(shots / "upload-results.png"))

        driver.get(base + "/search?q=" + urllib.request.quote("الموازنة التشاركية"))
        titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a")]
        check("the uploaded file is found by its words", any("البلقاء" in t for t in titles), titles)

        driver.get(base + "/search?versions=one&q=" + urllib.request.quote("فريق العمل الوطني"))
        found = driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a")
        check("search can show one result for the three formats of the minutes", len(found) == 1, [a.text for a in found])
        found[0].click()
        wait_for(lambda: "/documents/" in driver.current_url)
        versions = driver.find_elements(By.CSS_SELECTOR, "ul.versions li a")
        check("the document page links its other versions", len(versions) == 2, [v.text for v in versions])

        driver.get(base + "/staff/suggestions?min=0")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.suggestions tbody tr")
        check("reviewers see the link suggestions with their reasons, right to left",
              len(rows) >= 1 and driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
              and all(row.find_elements(By.CSS_SELECTOR, "td")[3].text for row in rows), f"{len(rows)} rows")
        driver.save_screenshot(str(shots / "suggestions.png"))
        first = rows[0].get_attribute("id")
        rows[0].find_element(By.CSS_SELECTOR, "button[value=accept]").click()
        wait_for(lambda: "/staff/suggestions" in driver.current_url and not driver.find_elements(By.ID, first))
        check("accepting a suggestion takes it off the queue", not driver.find_elements(By.ID, first), first)

        driver.get(base + "/listing")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.register tbody tr")
        check("the register lists the public documents with references", len(rows) >= 2 and rows[0].text.startswith("BY-"),
              f"{len(rows)} rows")
        table = driver.find_element(By.CSS_SELECTOR, "table.register")
        check("the register table runs right to left", table.value_of_css_property("direction") == "rtl")
        driver.save_screenshot(str(shots / "listing.png"))
        driver.get(base + "/listing.html")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        check("the printable register repeats its header row on every printed page",
              driver.find_element(By.CSS_SELECTOR, "thead").value_of_css_property("display") == "table-header-group")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.save_screenshot(str(shots / "listing-print.png"))
        driver.get(base + "/reports/completeness?as-of=2025-06-30")
        levels = driver.find_elements(By.CSS_SELECTOR, "strong[data-level]")
        check("the completeness report suggests a level for every commitment and milestone", len(levels) >= 6, f"{len(levels)} levels")
        flags = [f.text for f in driver.find_elements(By.CSS_SELECTOR, "div.flag")]
        check("the completeness report flags the plan's identical milestone dates", any("مطابقة" in f for f in flags), flags[:3])
        driver.save_screenshot(str(shots / "completeness.png"))

        driver.get(base + "/request")
        driver.find_element(By.ID, "subject").send_keys("نسخة من محضر اجتماع المنتدى متعدد الأطراف")
        driver.find_element(By.ID, "name").send_keys("سارة الخطيب")
        driver.find_element(By.ID, "contact").send_keys("sara@example.jo")
        driver.save_screenshot(str(shots / "request-form.png"))
        driver.find_element(By.CSS_SELECTOR, "form.request button[type=submit]").click()
        wait_for(lambda: driver.find_elements(By.ID, "reference"))
        reference = driver.find_element(By.ID, "reference").text
        due = driver.find_element(By.ID, "due").text
        check("a filed request gets its reference and due date", reference.startswith("ATI-") and len(due) == 10, (reference, due))
        driver.save_screenshot(str(shots / "request-receipt.png"))
        driver.get(base + "/staff/requests")
        rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")]
        check("the staff queue shows the new request", any(reference in r for r in rows), rows[:2])
        driver.save_screenshot(str(shots / "request-queue.png"))
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(store, ignore_errors=True)
    passed = sum(1 for _, ok in RESULTS if ok)
    failed = len(RESULTS) - passed
    print(f"browser: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
