import pytest
from test_web_browser import *  # noqa
def test_dbg(tab, site):
    tab.page.goto(site.base + "/docs")
    tab.page.wait_for_timeout(4000)
    tab.page.screenshot(path="/tmp/dbg.png")
    print("ERR", tab.errors)
    print("REQ", tab.requests)
    print(tab.page.inner_html("body")[:300])
    print(tab.page.locator("h2").all_inner_texts())
