"""The pages in a real headless browser (Debian's chromium, driven by selenium).

Runs where /usr/bin/chromium and /usr/bin/chromedriver exist (scripts/ensure-test-services.sh
installs them on Debian) and is skipped with the reason elsewhere. Screenshots go to
$TIPGRAPH_SCREENSHOTS when set, else to the test's tmp folder.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from tipgraph.web import ServerConfig, create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

CHROMIUM = os.environ.get("TIPGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TIPGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")
IOM = "https://w3id.org/tipgraph/id/org/iom"
WAIT = 30


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return f"{path} not found (apt-get install chromium chromium-driver; scripts/ensure-test-services.sh does it as root)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(sample_store):
    import uvicorn

    app = create_app(ServerConfig(store=str(sample_store)))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except Exception as exc:  # a chromium that cannot start here (no shared memory, sandbox)
        pytest.skip(f"chromium did not start: {str(exc).splitlines()[0]}")
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("TIPGRAPH_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _wait(driver, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


def _severe_console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _shot(driver, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 5_000
    return path


def test_search_then_actor_page(browser, base_url, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    browser.get(base_url + "/")
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "table.catalogue")))
    _shot(browser, shots, "01-index")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("IOM")
    box.submit()
    link = _wait(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, f'ul.hits a[href="/actor?iri={quote(IOM)}"]')))
    link.click()
    heading = _wait(browser, EC.presence_of_element_located((By.ID, "actor-label")))
    assert heading.text == "International Organization for Migration"
    for section in ("partners", "meetings", "instruments", "programmes", "persons", "facts"):
        assert browser.find_element(By.ID, f"section-{section}").is_displayed()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#section-facts blockquote")) >= 5
    _shot(browser, shots, "02-actor-iom")
    browser.execute_script("document.getElementById('section-facts').scrollIntoView()")
    _shot(browser, shots, "02b-actor-iom-facts")
    assert _severe_console_errors(browser) == []


def test_stored_query_form_finds_its_rows(browser, base_url, shots):
    import json
    import urllib.request

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    with urllib.request.urlopen(f"{base_url}/api/queries/who-met-whom?actor=IOM", timeout=WAIT) as r:
        expected = json.load(r)["rows"]
    browser.get(base_url + "/queries/who-met-whom")
    field = _wait(browser, EC.presence_of_element_located((By.ID, "p-actor")))
    field.send_keys("IOM")
    _shot(browser, shots, "03-query-form")
    browser.find_element(By.ID, "run").click()
    table = _wait(browser, EC.presence_of_element_located((By.ID, "results")))
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == len(expected) > 0
    assert browser.find_element(By.ID, "row-count").text == f"{len(expected)} rows"
    first = [td.text for td in rows[0].find_elements(By.TAG_NAME, "td")]
    assert expected[0]["labelA"] in first and expected[0]["labelB"] in first
    _shot(browser, shots, "04-query-result")
    assert _severe_console_errors(browser) == []


def test_sparql_editor_runs_a_query(browser, base_url, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    browser.get(base_url + "/editor")
    button = _wait(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, ".yasqe_queryButton")))
    button.click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr"))
    cells = browser.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr")
    assert 0 < len(cells) <= 20
    # the default query declares what it uses, so the editor marks no error
    assert not browser.find_elements(By.CSS_SELECTOR, ".CodeMirror-gutter-elt .parseErrorIcon, .yasqe .parseErrorIcon")
    assert "Meeting:" in browser.find_element(By.CSS_SELECTOR, ".yasr").text
    _shot(browser, shots, "05-editor")
    assert _severe_console_errors(browser) == []


def test_ego_network_is_drawn(browser, base_url, shots):
    from selenium.webdriver.common.by import By

    browser.get(f"{base_url}/ego?iri={quote(IOM)}&depth=1")
    _wait(browser, lambda d: d.find_elements(By.ID, "ego-status") and "actors" in d.find_element(By.ID, "ego-status").text)
    assert browser.find_elements(By.CSS_SELECTOR, "#ego canvas")
    time.sleep(0.5)  # let the layout settle for the picture
    _shot(browser, shots, "06-ego-iom")
    assert _severe_console_errors(browser) == []
