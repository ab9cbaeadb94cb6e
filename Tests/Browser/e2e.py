#!/usr/bin/env python3
"""End-to-end tests of `detainer serve` in headless Chromium (Debian chromium + chromium-driver,
PyPI selenium). Started by Tests/BrowserTests, which creates the database and its users, runs
the servers and passes their URLs; it can also be run by hand against running servers:

    Tests/Browser/e2e.py --base-url http://127.0.0.1:8080 --short-session-url http://127.0.0.1:8081 \
        --clerk clara --supervisor sam --password-file pw.txt --artifacts .build/browser-artifacts

Each check prints PASS or FAIL with what it saw; the exit status is 1 when any check failed, 2
when the browser cannot be started (chromium, chromedriver or selenium missing). Screenshots of
every page visited go to --artifacts (never committed).
"""
import argparse
import base64
import hashlib
import hmac
import struct
import json
import os
import re
import sys
import time
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException, NoSuchElementException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError as error:  # CI installs it (.ci/run); a missing driver must fail, not skip
    print(f"e2e: Python selenium is not installed ({error}); install it with `pip install selenium`", file=sys.stderr)
    sys.exit(2)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
XSS_NAME = "<script>alert(1)</script>"
# axe-core, vendored (Tests/Browser/vendor/README.md says where from): injected into each page scanned.
AXE_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor", "axe.min.js")
# The two widths the office uses: a desk screen and a phone. Every rule runs at the first; at the
# second every rule but colour contrast, which does not depend on the width (the stylesheet has
# no width media query: ContractTests checks that) and takes most of axe's time.
AXE_WIDTHS = (1366, 390)
# Screenshots of the scanned pages at this width (the earlier checks shoot the wide pages).
AXE_SHOT_WIDTH = 390
AXE_BLOCKING = ("serious", "critical")



def totp(secret, now, step=30, digits=6):
    """RFC 6238 (HMAC-SHA1), as an authenticator app computes it from the enrolment secret."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(now) // step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)

class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Office:
    """One browser session (its own cookie jar) against one server."""

    def __init__(self, base, artifacts, label):
        self.base = base.rstrip("/")
        self.artifacts = artifacts
        self.label = label
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,1000", "--lang=en-US"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(60)
        self.shots = 0

    def close(self):
        self.driver.quit()

    def get(self, path):
        self.driver.get(self.base + path)

    @property
    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def shot(self, name):
        """Full-height screenshot (the window grows to the page) for a human to look at."""
        self.shots += 1
        height = self.driver.execute_script("return Math.max(document.body.scrollHeight, 800)")
        self.driver.set_window_size(1280, min(int(height) + 40, 6000))
        path = os.path.join(self.artifacts, f"{self.label}-{self.shots:02d}-{name}.png")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 1000)

    def sign_in(self, user, password, code=None):
        self.get("/login")
        self.driver.find_element(By.NAME, "username").send_keys(user)
        self.driver.find_element(By.NAME, "password").send_keys(password)
        if code:
            self.driver.find_element(By.NAME, "code").send_keys(code)
        self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        # bcrypt (cost 12) takes a while on a loaded machine: wait for the answer, not the click.
        deadline = time.time() + 90
        while time.time() < deadline:
            if not self.path.startswith("/login") or self.driver.find_elements(By.CSS_SELECTOR, ".notice.error"):
                break
            time.sleep(0.2)
        self.wait_ready()

    def fill(self, name, value):
        element = self.driver.find_element(By.NAME, name)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        elif element.get_attribute("type") in ("date", "datetime-local"):
            # Typing into date widgets depends on the browser's locale; set the value directly.
            self.driver.execute_script("arguments[0].value = arguments[1]", element, value)
        else:
            element.clear()
            element.send_keys(value)

    def csrf_token(self):
        return self.driver.find_element(By.NAME, "csrf_token").get_attribute("value")

    def post_form(self, action, fields):
        """Builds and submits a form in the page, as a forger with the user's cookie would; the
        server sees an ordinary same-origin browser POST."""
        self.driver.execute_script(
            """
            const form = document.createElement('form');
            form.method = 'post'; form.action = arguments[0];
            for (const [name, value] of Object.entries(arguments[1])) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
            }
            document.body.appendChild(form);
            form.submit();
            """, action, fields)
        time.sleep(0.3)
        self.wait_ready()

    def click_and_wait(self, target, timeout=60):
        """Clicks what submits a form or follows a link (a CSS selector or an element) and waits
        for the next page: until the old page's root element is gone (readyState alone is
        "complete" on the old page too, so a check right after a bare click can read the old page)."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        element = self.driver.find_element(By.CSS_SELECTOR, target) if isinstance(target, str) else target
        element.click()
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                old.tag_name
            except Exception:
                break
            time.sleep(0.05)
        self.wait_ready()

    def wait_ready(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.driver.execute_script("return document.readyState") == "complete":
                return
            time.sleep(0.1)

    def wait_for_text(self, wanted, timeout=60):
        """The page's text once it contains `wanted` (a form post navigates: the old body goes
        stale while the answer loads), or whatever it says when the time is up."""
        deadline = time.time() + timeout
        text = ""
        while time.time() < deadline:
            try:
                text = self.text()
                if wanted in text:
                    return text
            except Exception:  # StaleElementReferenceException / NoSuchElement while navigating
                pass
            time.sleep(0.2)
        return text

    def api(self, path):
        """GET an API path in this browser session (its cookie) and parse the JSON body."""
        self.get(path)
        # Chromium shows JSON in a <pre> (newer versions add a pretty-print toggle around it).
        pre = self.driver.find_elements(By.TAG_NAME, "pre")
        text = pre[0].text if pre else self.driver.find_element(By.TAG_NAME, "body").text
        try:
            return json.loads(text)
        except ValueError:
            raise CheckFailed(f"GET {path} did not answer JSON: {text[:300]!r}")

    def axe(self, contrast=True):
        """axe-core's violations on the current page, as (id, impact, help, targets). Colour
        contrast is most of axe's time; `contrast=False` leaves it out (see AXE_WIDTHS)."""
        if not hasattr(Office, "_axe_source"):
            with open(AXE_JS, encoding="utf-8") as handle:
                Office._axe_source = handle.read()
        self.driver.set_script_timeout(120)
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(Office._axe_source)
        result = self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations'], rules: {'color-contrast': {enabled: arguments[0]}}})
              .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.slice(0, 4).map(n => n.target.join(' '))}))))
              .catch(e => done({error: String(e)}));
            """, contrast)
        if isinstance(result, dict):
            raise CheckFailed(f"axe-core did not run on {self.path}: {result.get('error')}")
        return result

    def shot_at(self, name, width):
        """Full-height screenshot at `width` px (the window keeps that width afterwards)."""
        self.shots += 1
        self.driver.set_window_size(width, 900)
        height = self.driver.execute_script("return Math.max(document.body.scrollHeight, 800)")
        self.driver.set_window_size(width, min(int(height) + 40, 6000))
        self.driver.save_screenshot(os.path.join(self.artifacts, f"{self.label}-{self.shots:02d}-{name}-{width}.png"))
        self.driver.set_window_size(width, 900)

    def no_alert(self):
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.dismiss()
            return f"an alert opened: {text!r}"
        except NoAlertPresentException:
            return None


def focused_error_summary(office, what, labels, keys):
    """The page a refused form came back on: its error summary (#errors) has the focus, names
    each field by its label and shows no internal key. Returns the summary and its text."""
    summary = office.driver.find_elements(By.ID, "errors")
    expect(summary, f"the refused {what} shows no error summary: {office.text()[:300]!r}")
    focused = office.driver.execute_script("return document.activeElement && document.activeElement.id")
    expect(focused == "errors", f"after the refused {what} the focus is on #{focused or 'body'}, not the error summary")
    text = summary[0].text
    expect(all(label in text for label in labels), f"the {what}'s error summary does not name the fields by their labels: {text!r}")
    expect(not any(key in text for key in keys), f"the {what}'s error summary shows internal keys: {text!r}")
    return summary[0], text


def detainer_id(office):
    match = re.match(r"^/detainers/(\d+)", office.path)
    expect(match, f"expected a detainer page, got {office.path}")
    return int(match.group(1))


BOOKINGS = iter(range(3411700123, 3411800000))


def intake(office, name, agency="DOC", warrant="judicial", tsdb="yes", release=None):
    office.get("/intake")
    office.fill("person.name", name)
    office.fill("person.dateOfBirth", "1985-02-03")
    office.fill("custody.agency", agency)
    office.fill("custody.bookingNumber", str(next(BOOKINGS)))  # a booking number belongs to one person
    office.fill("custody.facility", "Rikers Island (RNDC)")
    office.fill("custody.arrestDate", "2026-10-01")
    office.fill("detainer.warrant.type", warrant)
    if warrant == "judicial":
        office.fill("detainer.warrant.issuer", "Hon. A. Judge (E.D.N.Y.)")
    office.fill("detainer.terroristScreeningMatch", tsdb)
    office.fill("detainer.illegalReentryAfterRemoval", "no")
    if release:
        office.fill("custody.scheduledReleaseAt", release)
    office.click_and_wait("form[action='/intake'] button[type=submit]")
    return detainer_id(office)


class Suite:
    def __init__(self, args):
        self.args = args
        self.password = open(args.password_file, encoding="utf-8").read().strip()
        self.results = []
        self.offices = []
        self.state = {}
        self.lock = threading.Lock()

    def office(self, label, base=None):
        office = Office(base or self.args.base_url, self.args.artifacts, label)
        self.offices.append(office)
        return office

    def check(self, name, body):
        started = time.time()
        try:
            body()
            self.results.append((name, True, ""))
            print(f"PASS {name} ({time.time() - started:.1f} s)", flush=True)
        except Exception as error:  # every failure is reported, then the next check runs
            detail = str(error) if isinstance(error, CheckFailed) else traceback.format_exc()
            self.results.append((name, False, detail))
            print(f"FAIL {name}: {detail}", flush=True)
            for office in self.offices:
                try:
                    office.shot("failure-" + re.sub(r"[^a-z0-9]+", "-", name.lower()))
                except Exception:
                    pass

    # The checks, in the order an office day would run them.

    def failed_sign_in(self):
        clerk = self.clerk
        clerk.sign_in(self.args.clerk, "not the password at all")
        expect(clerk.path.startswith("/login"), f"a wrong password left the login page for {clerk.path}")
        text = clerk.text()
        expect("do not match" in text, f"no refusal message on the login page; it says: {text[:300]!r}")
        expect(not clerk.driver.get_cookies() or all(c["value"] == "" for c in clerk.driver.get_cookies()),
               "a session cookie was set after a failed sign-in")
        clerk.shot("login-failed")

    def successful_sign_in(self):
        clerk = self.clerk
        clerk.sign_in(self.args.clerk, self.password)
        expect(clerk.path == "/", f"after signing in the clerk is on {clerk.path}, not the home page")
        expect(f"{self.args.clerk} (clerk)" in clerk.text(), "the header does not name the signed-in clerk")
        cookie = clerk.driver.get_cookie("detainer_session")
        expect(cookie is not None, "no detainer_session cookie")
        expect(cookie.get("httpOnly"), "the session cookie is not HttpOnly")
        expect(cookie.get("sameSite") == "Strict", f"the session cookie is SameSite={cookie.get('sameSite')}, not Strict")
        text = clerk.text()
        for section in ("Past release or deadline", "Due in the next 24 hours", "Logged today"):
            expect(section in text, f"the clerk's home page has no {section!r} section; it says: {text[:300]!r}")
        expect("Awaiting a second supervisor" not in text, "the clerk's home page offers approvals a clerk cannot give")
        clerk.shot("home-clerk")

    def clerk_intake(self):
        clerk = self.clerk
        clerk.get("/intake")
        clerk.shot("intake-form")
        # Submitting without the required fields: the errors come back beside their fields.
        clerk.driver.execute_script("document.querySelector(\"form[action='/intake']\").noValidate = true")
        clerk.click_and_wait("form[action='/intake'] button[type=submit]")
        expect(clerk.path.startswith("/intake"), f"an empty intake went to {clerk.path}")
        expect(clerk.driver.find_elements(By.CSS_SELECTOR, ".field.invalid"), "an empty intake shows no field errors")
        clerk.shot("intake-errors")
        ident = intake(clerk, "José Nuñez")
        self.state["detainer"] = ident
        text = clerk.text()
        expect("José Nuñez" in text, "the new detainer's page does not show the person's name")
        expect("pendingReview" in text or "pending review" in text.lower(), "the new detainer is not pending review")
        clerk.shot("detainer-after-intake")

    def clerk_conviction_forms(self):
        """Issue 25 §1/§4: the add form shows the CLI's defaults (facts "no", days 0, New York) and
        takes the sentence date; the correction form marks the judgment vacated."""
        clerk = self.clerk
        ident = self.state["detainer"]
        clerk.get(f"/detainers/{ident}")
        form = clerk.driver.find_element(By.CSS_SELECTOR, f"form[action='/detainers/{ident}/convictions']")
        form.find_element(By.XPATH, "./ancestor::details/summary").click()
        for name in ("youthfulOffender", "juvenileDelinquent", "sealed", "vacated", "awaitingSentence"):
            chosen = Select(form.find_element(By.NAME, name)).first_selected_option.get_attribute("value")
            expect(chosen == "no", f"the add form's {name} starts as {chosen!r}, not no (the CLI's default)")
        expect(form.find_element(By.NAME, "incarceratedDaysForThisCrime").get_attribute("value") == "0", "days incarcerated does not start at 0")
        form.find_element(By.NAME, "statute").send_keys("PL 160.15")
        Select(form.find_element(By.NAME, "felonyClass")).select_by_value("B")
        for name, value in (("convictedOn", "2022-03-02"), ("sentencedOn", "2022-04-13")):
            clerk.driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, name), value)
        clerk.shot("conviction-add-form")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        text = clerk.wait_for_text("Conviction recorded")
        expect("Conviction recorded" in text, f"no confirmation after adding a conviction: {text[:400]!r}")
        detail = clerk.api(f"/api/v1/detainers/{ident}")
        convictions = detail.get("convictions", [])
        expect(len(convictions) == 1, f"{len(convictions)} convictions on record, not 1")
        c = convictions[0]
        expect(c.get("sentenced_on") == "2022-04-13" or c.get("sentencedOn") == "2022-04-13", f"the sentence date was not kept: {c}")
        expect(detail["detainer"]["outcome"] == "permitted", f"the browser's conviction evaluates as {detail['detainer']['outcome']}, not permitted")
        cid = c["id"]
        clerk.get(f"/detainers/{ident}")
        form = clerk.driver.find_element(By.CSS_SELECTOR, f"form[action='/detainers/{ident}/convictions/{cid}']")
        form.find_element(By.XPATH, "./ancestor::details/summary").click()
        Select(form.find_element(By.NAME, "vacated")).select_by_value("yes")
        clerk.shot("conviction-correct-form")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        clerk.wait_for_text("Conviction recorded")
        after = clerk.api(f"/api/v1/detainers/{ident}")
        expect(after["convictions"][0].get("vacated") in (True, 1), f"the correction did not mark it vacated: {after['convictions'][0]}")
        clerk.shot("conviction-corrected")
        self.state["conviction"] = cid

    def clerk_correction_errors(self):
        """Issue 25 §1/§4: the correction form takes the sentence date back to not known (emptied,
        as the CLI's --sentenced-on unknown); a correction the server refuses comes back with each
        error beside its field and a summary at the top that has the focus and links to each."""
        clerk = self.clerk
        ident, cid = self.state["detainer"], self.state["conviction"]
        action = f"/detainers/{ident}/convictions/{cid}"
        clerk.get(f"/detainers/{ident}")
        form = clerk.driver.find_element(By.CSS_SELECTOR, f"form[action='{action}']")
        form.find_element(By.XPATH, "./ancestor::details/summary").click()
        clerk.driver.execute_script("arguments[0].value = ''", form.find_element(By.NAME, "sentencedOn"))
        clerk.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        clerk.wait_for_text("Conviction recorded")
        kept = clerk.api(f"/api/v1/detainers/{ident}")["convictions"][0]
        expect(kept.get("sentencedOn", kept.get("sentenced_on")) is None, f"emptying the sentence date did not make it not known: {kept}")

        clerk.get(f"/detainers/{ident}")
        form = clerk.driver.find_element(By.CSS_SELECTOR, f"form[action='{action}']")
        form.find_element(By.XPATH, "./ancestor::details/summary").click()
        clerk.driver.execute_script("arguments[0].noValidate = true", form)
        days = form.find_element(By.NAME, "incarceratedDaysForThisCrime")
        days.clear()
        days.send_keys("many")
        # A value the form does not offer, as a hand-made request would send it.
        clerk.driver.execute_script("arguments[0].add(new Option('maybe', 'maybe')); arguments[0].value = 'maybe'",
                                    form.find_element(By.NAME, "vacated"))
        clerk.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        summary, text = focused_error_summary(clerk, "correction", labels=("Days incarcerated for it", "Vacated"),
                                              keys=("conviction.", "incarceratedDays"))
        links = summary.find_elements(By.CSS_SELECTOR, "a[href^='#']")
        expect(len(links) == 2, f"the summary has {len(links)} links, not one per field: {text!r}")
        for link in links:
            target = link.get_attribute("href").split("#", 1)[1]
            fields = clerk.driver.find_elements(By.CSS_SELECTOR, f"form[action='{action}'] #{target}")
            expect(fields, f"the summary links to #{target}, which is no field of the refused form")
            expect(fields[0].get_attribute("aria-invalid") == "true", f"#{target} is not marked invalid beside its error")
            expect(fields[0].is_displayed(), f"#{target} is hidden (its form is folded)")
        beside = clerk.driver.find_elements(By.CSS_SELECTOR, f"form[action='{action}'] .field.invalid .error")
        expect(len(beside) == 2, f"{len(beside)} errors beside the fields, not 2")
        clerk.shot("detainer-correction-refused")

    def clerk_sees_no_review_form(self):
        clerk = self.clerk
        ident = self.state["detainer"]
        clerk.get(f"/detainers/{ident}")
        forms = clerk.driver.find_elements(By.CSS_SELECTOR, f"form[action='/detainers/{ident}/review']")
        expect(not forms, "the clerk sees a review form")
        expect(not clerk.driver.find_elements(By.ID, "review"), "the clerk sees a Review section")

    def forged_review_forbidden(self):
        clerk = self.clerk
        ident = self.state["detainer"]
        clerk.get(f"/detainers/{ident}")
        token = clerk.csrf_token()
        before = clerk.api(f"/api/v1/detainers/{ident}")
        clerk.get(f"/detainers/{ident}")
        clerk.post_form(f"/detainers/{ident}/review", {"csrf_token": token, "action": "decline", "reason": "forged by a clerk"})
        text = clerk.text()
        expect("Forbidden" in text, f"a clerk's review POST was not refused with 403 Forbidden; the page says: {text[:300]!r}")
        expect("Nothing was written" in text, "the refusal does not say that nothing was written")
        # The error page keeps the office's frame: navigation and who is signed in.
        expect(clerk.driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Main'] a[href='/queue']"), "the 403 page has lost the site navigation")
        clerk.shot("forged-review-403")
        after = clerk.api(f"/api/v1/detainers/{ident}")
        expect(after == before, "the detainer changed after a refused review:\n" + json.dumps(after)[:600])
        self.state["reviews_before"] = len(after.get("reviews", []))

    def missing_csrf_forbidden(self):
        clerk = self.clerk
        ident = self.state["detainer"]
        before = clerk.api(f"/api/v1/detainers/{ident}")
        clerk.get(f"/detainers/{ident}")
        clerk.post_form(f"/detainers/{ident}/status", {"to": "lifted", "note": "no token"})
        text = clerk.text()
        expect("Forbidden" in text and "security token" in text, f"a POST without a CSRF token was not refused: {text[:300]!r}")
        clerk.shot("missing-csrf-403")
        after = clerk.api(f"/api/v1/detainers/{ident}")
        expect(after == before, "the detainer changed after a POST without a CSRF token")

    def xss_name_is_text(self):
        clerk = self.clerk
        ident = intake(clerk, XSS_NAME)
        self.state["xss"] = ident
        alert = clerk.no_alert()
        expect(alert is None, alert or "")
        expect(XSS_NAME in clerk.text(), "the name <script>alert(1)</script> is not visible as text on the detainer page")
        injected = clerk.driver.execute_script("return Array.from(document.scripts).filter(s => !s.src).length")
        expect(injected == 0, f"the page has {injected} inline script element(s)")
        clerk.shot("xss-detainer")
        clerk.get("/queue")
        alert = clerk.no_alert()
        expect(alert is None, alert or "")
        expect(XSS_NAME in clerk.text(), "the XSS name is not shown as text in the queue")

    def detainer_list(self):
        clerk = self.clerk
        ident = self.state["detainer"]
        # A decline (no TSDB match, no conviction) released in three hours: no lawful hold, so it
        # is due in the next 24 hours, counting down to its release.
        from datetime import datetime, timedelta
        from zoneinfo import ZoneInfo
        release = (datetime.now(ZoneInfo("America/New_York")) + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
        soon = intake(clerk, "Soon Released", tsdb="no", release=release)
        clerk.get("/")
        due = clerk.driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='due-soon']")
        expect(due.find_elements(By.CSS_SELECTOR, f"a[href='/detainers/{soon}']"), f"detainer #{soon}, released in 3 hours, is not due on the home page: {due.text[:300]!r}")
        expect("Release on time" in due.text, f"the decline does not count down to its release: {due.text[:300]!r}")
        clerk.shot("home-clerk-due")
        today = clerk.driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='intakes']")
        expect(today.find_elements(By.CSS_SELECTOR, f"a[href='/detainers/{ident}']"), f"detainer #{ident} is not among today's intakes on the home page")
        clerk.click_and_wait("nav[aria-label='Main'] a[href='/detainers']")
        expect(clerk.path.startswith("/detainers"), f"the Detainers link went to {clerk.path}")
        clerk.fill("agency", "DOC")
        clerk.fill("person", "nunez")
        clerk.click_and_wait("form[action='/detainers'] button[type=submit]")
        expect("person=nunez" in clerk.path and "agency=DOC" in clerk.path, f"the filters are not in the address: {clerk.path}")
        rows = clerk.driver.find_elements(By.CSS_SELECTOR, f"table a[href='/detainers/{ident}']")
        expect(rows, f"the list filtered on 'nunez' and DOC does not show detainer #{ident}: {clerk.text()[:400]!r}")
        expect(not clerk.driver.find_elements(By.CSS_SELECTOR, f"table a[href='/detainers/{self.state.get('xss', -1)}']"),
               "the list filtered on 'nunez' also shows the other person")
        expect(not clerk.driver.find_elements(By.LINK_TEXT, "Download all matching as CSV"), "a clerk is offered the CSV export")
        clerk.shot("detainer-list")
        clerk.driver.set_window_size(390, 900)
        clerk.get(clerk.path)
        clerk.driver.save_screenshot(os.path.join(clerk.artifacts, f"{clerk.label}-narrow-detainer-list.png"))
        clerk.driver.set_window_size(1280, 1000)
        clerk.get("/detainers?agency=FBI")
        expect(clerk.driver.find_elements(By.CSS_SELECTOR, ".field.invalid"), "a bad agency in the list's address is not marked beside its field")
        clerk.shot("detainer-list-error")

    def supervisor_list_csv(self):
        boss = self.boss
        boss.get("/detainers?agency=DOC")
        forms = boss.driver.find_elements(By.CSS_SELECTOR, "form[action='/detainers.csv']")
        expect(forms, "a supervisor is not offered the list as CSV")
        kept = [i.get_attribute("value") for i in forms[0].find_elements(By.CSS_SELECTOR, "input[name='agency']")]
        expect(kept == ["DOC"], f"the CSV form does not keep the filters: {kept}")
        boss.shot("detainer-list-supervisor")

    def sign_out(self):
        clerk = self.clerk
        clerk.get("/queue")
        clerk.click_and_wait("form[action='/logout'] button")
        expect(clerk.path.startswith("/login"), f"after signing out the clerk is on {clerk.path}")
        clerk.get("/queue")
        expect(clerk.path.startswith("/login"), f"after signing out /queue is still open ({clerk.path})")
        clerk.shot("signed-out")

    def enrol_second_factor(self, page, user=None):
        """Issue 23 §4: a supervisor on a production database without a second factor lands on
        the enrolment page and can go nowhere else until an authenticator code confirms it."""
        expect(page.path.startswith("/account/second-factor"), f"the supervisor without a second factor landed on {page.path}")
        page.get("/queue")
        expect(page.path.startswith("/account/second-factor"), f"an enrolment-only session reached {page.path}")
        page.click_and_wait("form[action='/account/second-factor/begin'] button[type=submit]")
        expect(page.driver.find_elements(By.CSS_SELECTOR, "svg.qr-code path"), "the enrolment page shows no QR code")
        secret = page.driver.find_element(By.ID, "totp-secret").text.strip()
        if user:
            self.state.setdefault("totp", {})[user] = secret
        page.shot("second-factor-enrol")
        page.fill("code", totp(secret, time.time()))
        page.click_and_wait("form[action='/account/second-factor/confirm'] button[type=submit]")
        codes = page.driver.find_elements(By.CSS_SELECTOR, "#recovery-codes li")
        expect(len(codes) == 10, f"{len(codes)} recovery codes shown, not 10")
        page.get("/queue")

    def supervisor_review_and_status(self):
        boss = self.office("supervisor")
        self.boss = boss
        ident = self.state["detainer"]
        boss.sign_in(self.args.supervisor, self.password)
        self.enrol_second_factor(boss, self.args.supervisor)
        boss.get("/")
        expect(boss.path == "/", f"the supervisor's home page is {boss.path}, not /")
        text = boss.text()
        expect("Awaiting a second supervisor" in text and "Logged today" in text, f"the supervisor's home page lacks its sections: {text[:300]!r}")
        boss.shot("home-supervisor")
        boss.get("/queue")
        pending = boss.driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='pending-review']")
        links = pending.find_elements(By.CSS_SELECTOR, f"a[href='/detainers/{ident}']")
        expect(links, f"detainer #{ident} is not in the supervisor's pending-review list")
        expect("Pending review" in pending.text and "pendingReview" not in pending.text, "the queue shows a raw status value, not its words")
        boss.shot("queue-supervisor")
        boss.click_and_wait(links[0])
        expect(boss.path.startswith(f"/detainers/{ident}"), f"the queue link went to {boss.path}")
        form = boss.driver.find_element(By.CSS_SELECTOR, f"form[action='/detainers/{ident}/review']")
        boss.shot("detainer-supervisor")
        actions = [o.get_attribute("value") for o in Select(form.find_element(By.NAME, "action")).options]
        if "approve" in actions:
            Select(form.find_element(By.NAME, "action")).select_by_value("approve")
        else:
            Select(form.find_element(By.NAME, "action")).select_by_value("decline")
        form.find_element(By.NAME, "reason").send_keys("Judicial warrant and TSDB match checked against the I-247A.")
        # With no criminal-history search on record the review must be confirmed (issue 25 §1).
        for box in form.find_elements(By.NAME, "confirmNoSearch"):
            box.click()
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        text = boss.wait_for_text("Review recorded")
        expect("Review recorded" in text, f"no confirmation after the review: {text[:400]!r}")
        decided = boss.api(f"/api/v1/detainers/{ident}")
        status = decided["detainer"]["status"]
        expect(status in ("honored", "declined"), f"after the review the status is {status}")
        expect(len(decided.get("reviews", [])) == self.state.get("reviews_before", 0) + 1, "the review is not on record")
        boss.get(f"/detainers/{ident}")
        form = boss.driver.find_element(By.CSS_SELECTOR, f"form[action='/detainers/{ident}/status']")
        choices = [o.get_attribute("value") for o in Select(form.find_element(By.NAME, "to")).options]
        target = next(c for c in ("transferred", "released", "enteredInError") if c in choices)
        Select(form.find_element(By.NAME, "to")).select_by_value(target)
        form.find_element(By.NAME, "note").send_keys("ICE took custody at the facility." if target == "transferred" else "Closed in the e2e test.")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        text = boss.wait_for_text("Status changed")
        expect("Status changed" in text, f"no confirmation after the status change: {text[:400]!r}")
        boss.shot("detainer-after-status")
        after = boss.api(f"/api/v1/detainers/{ident}")
        expect(after["detainer"]["status"] == target, f"the status is {after['detainer']['status']}, not {target}")

    def report_chart(self):
        boss = self.boss
        boss.get("/reports")
        svgs = boss.driver.find_elements(By.TAG_NAME, "svg")
        expect(svgs, f"/reports shows no <svg> chart (page: {boss.path}, says: {boss.text()[:200]!r})")
        expect(svgs[0].size["width"] > 100 and svgs[0].size["height"] > 50, f"the chart is only {svgs[0].size}")
        boss.shot("report-monthly")

    def pages_for(self, office):
        """Every page the signed-in role can open: its navigation, its account, a detainer and
        its printable record, a search with results, and (where it may log one) the intake form
        after the server refused it."""
        links = office.driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Main'] a")
        paths = [link.get_attribute("href")[len(office.base):] for link in links]
        ident = self.state.get("detainer") or self.state.get("xss")
        if ident:
            paths += [f"/detainers/{ident}", f"/detainers/{ident}/record"]
        paths.append("/search?q=Nu%C3%B1ez")
        seen = []
        for path in paths:
            if path not in seen:
                seen.append(path)
        return seen

    def refused_intake(self, office):
        """Posts an intake the server refuses (the browser's own checks off): the page that comes
        back has the focus on its error summary, which names the fields by their labels."""
        office.get("/intake")
        office.driver.execute_script("document.querySelector(\"form[action='/intake']\").noValidate = true")
        office.fill("person.name", "Ana Example")
        office.fill("custody.arrestDate", "2999-01-01")
        office.click_and_wait("form[action='/intake'] button[type=submit]")
        focused_error_summary(office, "intake", labels=("Instant arrest date", "Agency"), keys=("custody.", "person."))

    def accessibility(self, role, user):
        """axe-core on every page this role can open, at 1366 and 390 px: no serious or
        critical violation. A screenshot of each page at each width goes to the artifacts."""
        # Not in self.offices: the roles run on two threads, and a failure elsewhere must not
        # drive this browser from another thread (check() screenshots every office in the list).
        office = Office(self.args.base_url, self.args.artifacts, "a11y-" + role)
        try:
            # An enrolled supervisor gives a code (the next step's: this step's may be spent, and
            # the server allows one step of drift); an admin not yet enrolled enrols first.
            secret = self.state.get("totp", {}).get(user)
            office.sign_in(user, self.password, totp(secret, time.time() + 30) if secret else None)
            expect(not office.path.startswith("/login"), f"{user} ({role}) could not sign in")
            if office.path.startswith("/account/second-factor"):
                self.enrol_second_factor(office, user)
            pages = self.pages_for(office)
            problems = []
            scans = 0
            for width in AXE_WIDTHS:
                office.driver.set_window_size(width, 900)
                for path in pages:
                    office.get(path)
                    office.wait_ready()
                    name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "root"
                    for violation in office.axe(contrast=width == AXE_WIDTHS[0]):
                        if violation["impact"] in AXE_BLOCKING:
                            problems.append(f"{path} at {width} px: {violation['id']} ({violation['impact']}): {violation['help']} — {violation['targets']}")
                    scans += 1
                    if width == AXE_SHOT_WIDTH:
                        office.shot_at(name, width)
                if "/intake" in pages:
                    self.refused_intake(office)
                    for violation in office.axe(contrast=width == AXE_WIDTHS[0]):
                        if violation["impact"] in AXE_BLOCKING:
                            problems.append(f"refused intake at {width} px: {violation['id']} ({violation['impact']}): {violation['help']} — {violation['targets']}")
                    scans += 1
                    if width == AXE_SHOT_WIDTH:
                        office.shot_at("intake-refused", width)
            with self.lock:
                self.state["axe_scans"] = self.state.get("axe_scans", 0) + scans
            expect(not problems, f"{len(problems)} serious or critical accessibility violation(s) for the {role}:\n  " + "\n  ".join(problems))
        finally:
            office.close()

    def session_expiry(self):
        office = self.office("short-session", self.args.short_session_url)
        office.sign_in(self.args.clerk, self.password)
        expect(office.path == "/", f"sign-in on the short-session server landed on {office.path}")
        time.sleep(self.args.short_session_seconds + 2)
        office.get("/queue")
        expect(office.path.startswith("/login"), f"after {self.args.short_session_seconds + 2} idle seconds /queue still opens ({office.path})")
        office.shot("session-expired")

    def run(self):
        self.clerk = self.office("clerk")
        self.check("failed sign-in is refused", self.failed_sign_in)
        self.check("successful sign-in lands on the queue", self.successful_sign_in)
        self.check("clerk intake with field errors, then a recorded detainer", self.clerk_intake)
        if "detainer" in self.state:
            self.check("clerk adds a conviction with the CLI's defaults and corrects it to vacated", self.clerk_conviction_forms)
        if "conviction" in self.state:
            self.check("clerk empties the sentence date; a refused correction has its errors beside the fields and a linked, focused summary",
                       self.clerk_correction_errors)
        if "detainer" in self.state:
            self.check("clerk sees no review form", self.clerk_sees_no_review_form)
            self.check("clerk's forged review POST gets 403 and writes nothing", self.forged_review_forbidden)
            self.check("POST without a CSRF token gets 403 and writes nothing", self.missing_csrf_forbidden)
        self.check("a person named <script>alert(1)</script> is shown as text", self.xss_name_is_text)
        if "detainer" in self.state and "xss" in self.state:
            self.check("home page lists today's intake; the detainer list filters", self.detainer_list)
        self.check("sign-out ends the session", self.sign_out)
        if "detainer" in self.state:
            self.check("supervisor: queue, review, status change", self.supervisor_review_and_status)
        if hasattr(self, "boss"):
            self.check("monthly report has its SVG chart", self.report_chart)
            self.check("the supervisor is offered the list as CSV, filters kept", self.supervisor_list_csv)
        # Accessibility, two roles at a time (each its own browser): axe-core is most of the time.
        roles = [(role, user) for role, user in (("clerk", self.args.clerk), ("supervisor", self.args.supervisor),
                                                 ("analyst", self.args.analyst), ("admin", self.args.admin)) if user]
        started = time.time()
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda pair: self.check(f"axe-core: every page for the {pair[0]}, 1366 and 390 px, no serious or critical violation",
                                                  lambda: self.accessibility(*pair)), roles))
        if self.state.get("axe_scans"):
            print(f"e2e: axe-core scanned {self.state['axe_scans']} pages in {time.time() - started:.0f} s", flush=True)
        if self.args.short_session_url:
            self.check("an idle session expires", self.session_expiry)
        failed = [r for r in self.results if not r[1]]
        print(f"e2e: {len(self.results) - len(failed)} passed, {len(failed)} failed; screenshots in {self.args.artifacts}")
        return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--short-session-url", help="a second server started with a short --session-idle-seconds")
    parser.add_argument("--short-session-seconds", type=int, default=3)
    parser.add_argument("--clerk", required=True)
    parser.add_argument("--supervisor", required=True)
    parser.add_argument("--analyst", help="an auditor, for the accessibility scans")
    parser.add_argument("--admin", help="an admin, for the accessibility scans")
    parser.add_argument("--password-file", required=True, help="the (shared) password of the test users")
    parser.add_argument("--artifacts", default=".build/browser-artifacts")
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    for path, what in ((CHROMIUM, "Debian package chromium"), (CHROMEDRIVER, "Debian package chromium-driver")):
        if not os.access(path, os.X_OK):
            print(f"e2e: {path} is missing: install the {what} (.ci/run does)", file=sys.stderr)
            return 2
    suite = Suite(args)
    try:
        return suite.run()
    finally:
        for office in suite.offices:
            try:
                office.close()
            except Exception:
                pass


if __name__ == "__main__":
    sys.exit(main())
