"""A real server (uvicorn, demo province, SQLite file) and a real browser (Debian Chromium)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("DXSHIFT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


LIVE_DATABASE: dict[str, str] = {}  # the live server's database URL, for tests that check stored values


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from dxshift.services.demo import load_demo
    from dxshift.settings import Settings
    from dxshift.storage.db import session_scope
    from dxshift.storage.migrate import upgrade
    from dxshift.web.app import create_app

    root = tmp_path_factory.mktemp("server")
    settings = Settings(database_url=f"sqlite:///{root / 'demo.db'}", data_dir=str(root / "data"))
    upgrade(settings.database_url)
    with session_scope(settings.database_url) as session:
        load_demo(session)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    LIVE_DATABASE["url"] = settings.database_url
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists() and os.environ.get("DXSHIFT_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing: install the Debian package chromium")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def shot() -> object:
    """Save a numbered screenshot of a page under test-artifacts/screenshots/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path

    return take


def login(browser, base: str, username: str, viewport: dict | None = None):
    from dxshift.services.demo import DEMO_PASSWORD

    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page
