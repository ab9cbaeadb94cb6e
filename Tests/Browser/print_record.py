#!/usr/bin/env python3
"""The printed decision record in headless Chromium (issue 21 §2), started by
Tests/BrowserTests/RecordPrintTests.swift against a running `detainer serve`:

  - signs in as the clerk, uploads a PDF through the detainer page's form (a real multipart
    upload from the browser) and sees it listed; an HTML file named .png is refused (422);
  - opens "Print decision record" and prints it to PDF with Chrome DevTools' Page.printToPDF,
    once on A4 and once on US Letter, and checks each PDF has exactly one page;
  - saves the PDFs (and the page's screenshot) in --artifacts for a person to look at.

Exit 0 when every check passed, 1 when one failed, 2 when the browser cannot be started.
"""
import argparse
import base64
import os
import re
import shutil
import subprocess
import sys
import time

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError as error:
    print(f"print_record: Python selenium is not installed ({error}); install it with `pip install selenium`", file=sys.stderr)
    sys.exit(2)

PAPER = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}


def page_count(pdf):
    """Pages of a PDF: pdfinfo when installed, else the page objects Chromium writes uncompressed."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        match = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if match:
            return int(match.group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--clerk", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--detainer", required=True)
    parser.add_argument("--heavy", required=True, help="a detainer with many tests of the law, printed too")
    parser.add_argument("--upload", required=True, help="a PDF to upload through the form")
    parser.add_argument("--disguised", required=True, help="an HTML file named .png, to be refused")
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    password = open(args.password_file, encoding="utf-8").read().strip()
    base = args.base_url.rstrip("/")

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000", "--lang=en-US"):
        options.add_argument(argument)
    try:
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    except Exception as error:  # noqa: BLE001 - any failure to start is "cannot run"
        print(f"print_record: cannot start headless Chromium: {error}", file=sys.stderr)
        return 2
    driver.set_page_load_timeout(60)
    failures = []

    def check(condition, message):
        print(("PASS " if condition else "FAIL ") + message)
        if not condition:
            failures.append(message)

    def wait_for(predicate, timeout=90):
        """True once `predicate` holds; a page replaced mid-check (a form post navigating) is
        simply checked again."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if predicate():
                    return True
            except (StaleElementReferenceException, NoSuchElementException):
                pass
            time.sleep(0.2)
        return False

    def body_text():
        try:
            return driver.find_element(By.TAG_NAME, "body").text
        except (StaleElementReferenceException, NoSuchElementException):
            return ""

    def replaced(element):
        try:
            element.tag_name
            return False
        except StaleElementReferenceException:
            return True

    try:
        driver.get(base + "/login")
        driver.find_element(By.NAME, "username").send_keys(args.clerk)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        check(wait_for(lambda: "/login" not in driver.current_url), "the clerk signs in")

        page = f"{base}/detainers/{args.detainer}"
        driver.get(page)

        def upload(path, kind):
            driver.get(page)
            driver.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
            form = driver.find_element(By.CSS_SELECTOR, f"form[action='/detainers/{args.detainer}/documents']")
            Select(form.find_element(By.NAME, "kind")).select_by_value(kind)
            form.find_element(By.NAME, "file").send_keys(os.path.abspath(path))
            form.find_element(By.NAME, "note").send_keys("uploaded in the browser test")
            old = driver.find_element(By.TAG_NAME, "html")
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            # The answer is a new page: wait for the old one to go, then for the new one to load.
            wait_for(lambda: replaced(old))
            wait_for(lambda: driver.execute_script("return document.readyState") == "complete" and "Documents (" in body_text())
            return body_text()

        text = upload(args.disguised, "other")
        check("Nothing was stored" in text and "HTML" in text, "an HTML file named .png is refused with the reason")
        text = upload(args.upload, "judicialWarrant")
        check("Document attached" in text and "Judicial warrant" in text, "a PDF uploaded through the form is listed")
        driver.save_screenshot(os.path.join(args.artifacts, "record-detainer-page.png"))

        driver.get(page)
        driver.find_element(By.LINK_TEXT, "Print decision record").click()
        check(wait_for(lambda: "Decision record" in driver.title), "the Print decision record button opens the record")
        body = body_text()
        for part in ("Identifiers", "Warrant presented", "The law's tests", "Review", "What happened next", "Hold deadline", "Documents", "Audit head at printing"):
            check(part.lower() in body.lower(), f"the record shows {part}")
        driver.save_screenshot(os.path.join(args.artifacts, "record-screen.png"))
        def print_both(label):
            for name, (width, height) in PAPER.items():
                print_one(label, name, width, height)

        def print_one(label, name, width, height):
            result = driver.execute_cdp_cmd("Page.printToPDF", {
                "paperWidth": width, "paperHeight": height, "printBackground": False, "preferCSSPageSize": False,
                "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0,
            })
            pdf = base64.b64decode(result["data"])
            path = os.path.join(args.artifacts, f"decision-record-{label}-{name}.pdf")
            with open(path, "wb") as handle:
                handle.write(pdf)
            pages = page_count(pdf)
            check(pages == 1, f"the record of detainer {label} prints on exactly one {name} page (got {pages}; {path})")
            if shutil.which("pdftotext"):
                printed = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
                check("Decision record" in printed and "SHA-256" in printed, f"the {name} page carries the record and the hashes")
                check("← Detainer" not in printed and "browser's Print" not in printed, f"the screen's navigation is not printed on {name}")

        print_both(args.detainer)
        driver.get(f"{base}/detainers/{args.heavy}/record")
        check(wait_for(lambda: "Decision record" in driver.title), "the record of a detainer with many tests opens")
        print_both(args.heavy)
    except Exception as error:  # noqa: BLE001 - report, screenshot, fail
        failures.append(f"unexpected: {error!r}")
        print(f"FAIL unexpected: {error!r}")
        try:
            driver.save_screenshot(os.path.join(args.artifacts, "record-failure.png"))
        except Exception:  # noqa: BLE001
            pass
    finally:
        driver.quit()
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
