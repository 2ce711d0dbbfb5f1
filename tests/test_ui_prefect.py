"""The Prefect UI of the session's server, in headless Chromium: log in with the basic
auth string, see the deployments and a completed run, and keep screenshots.

Chromium and its driver come from Debian (``chromium``, ``chromium-driver``); the
driver is never downloaded. The screenshots' paths are printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ops_support import PrefectStack, prefect_stack_for
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import FlowRun, StateType

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = [pytest.mark.services, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1440,900",
)


@pytest.fixture
def prefect_stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> PrefectStack:
    return prefect_stack_for(request, tmp_path_factory.mktemp("prefect-stack"))


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Headless Chromium with a fresh profile, driven by Debian's chromedriver."""
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.skip("chromium and chromium-driver are not installed")
    monkeypatch.setenv("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(
        executable_path=str(CHROMEDRIVER), log_output=str(tmp_path / "driver.log")
    )
    driver = webdriver.Chrome(service=service, options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_the_ui_shows_the_deployments_and_a_completed_run(
    prefect_stack: PrefectStack,
    browser: webdriver.Chrome,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = a_completed_run(prefect_stack)
    wait = WebDriverWait(browser, 60)

    # The server asks for its auth string first.
    browser.get(f"{prefect_stack.ui_url}/deployments")
    field = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "input"))
    field.send_keys(prefect_stack.auth, Keys.ENTER)
    wait.until(lambda d: "/login" not in d.current_url)

    browser.get(f"{prefect_stack.ui_url}/deployments")
    wait.until(lambda d: "process-inbox" in d.find_element(By.TAG_NAME, "body").text)
    page = browser.find_element(By.TAG_NAME, "body").text
    assert {"spread-inbox", "process-document"} <= set(page.split())
    deployments_png = tmp_path / "prefect-ui-deployments.png"
    browser.save_screenshot(str(deployments_png))

    browser.get(f"{prefect_stack.ui_url}/runs/flow-run/{run.id}")
    wait.until(lambda d: run.name in d.find_element(By.TAG_NAME, "body").text)
    wait.until(lambda d: "Completed" in d.find_element(By.TAG_NAME, "body").text)
    run_png = tmp_path / "prefect-ui-completed-run.png"
    browser.save_screenshot(str(run_png))

    assert deployments_png.stat().st_size > 10_000 and run_png.stat().st_size > 10_000
    with capsys.disabled():
        print(f"\nPrefect UI screenshots: {deployments_png} {run_png}")


def a_completed_run(stack: PrefectStack) -> FlowRun:
    """A completed flow run on the server; an empty inbox is processed if none is."""
    completed = FlowRunFilter(
        state=FlowRunFilterState(
            type=FlowRunFilterStateType(any_=[StateType.COMPLETED])
        )
    )
    with stack.client() as client:
        runs = client.read_flow_runs(flow_run_filter=completed, limit=1)
        if runs:
            return runs[0]
        deployment = client.read_deployment_by_name("process_documents/process-inbox")
        created = client.create_flow_run_from_deployment(
            deployment.id, parameters={"inbox": str(stack.inbox("empty", []))}
        )
    finished = stack.wait_final(created.id)
    assert finished.state_type == StateType.COMPLETED
    return finished
