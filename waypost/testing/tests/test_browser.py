import pytest

from waypost.testing import browser
from waypost.testing.browser_notice import main


@pytest.fixture
def chromium_at(monkeypatch, tmp_path):
    def place(*, executable):
        path = tmp_path / "chromium"
        path.write_text("#!/bin/sh\n")
        path.chmod(0o755 if executable else 0o644)
        monkeypatch.setattr(browser, "CHROMIUM", path)
        return path

    return place


def test_the_notice_names_the_chromium_the_browser_tests_will_use(chromium_at, capsys):
    path = chromium_at(executable=True)
    main()
    assert capsys.readouterr().out == f"Browser tests: using Debian's chromium at {path}\n"


def test_the_notice_says_the_browser_tests_are_skipped_and_how_to_install_chromium(
    monkeypatch, tmp_path, capsys
):
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    main()
    assert capsys.readouterr().out == (
        f"Browser tests SKIPPED: no chromium at {tmp_path / 'no-chromium'} "
        "(on Debian/Ubuntu: apt-get install chromium)\n"
    )


def test_a_chromium_that_cannot_be_run_counts_as_missing(chromium_at):
    chromium_at(executable=False)
    assert not browser.chromium_available()
