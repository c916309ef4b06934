"""People led off into the bush or taken from their homes are abducted (verb_triggers.CARRIED_OFF, sixteenth
round, from held-out set 17), while a march with no one carried off stays a protest. Every sentence is our own;
each test fails without its rule."""
from __future__ import annotations

import pytest

from test_news_syntax import long  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow


def test_hostages_marched_into_the_forest_are_abducted():
    events = long("ADF fighters marched nine farm workers into the forest near Beni on Friday, local officials said.")
    abducted = [e for e in events if e.type == "ABDUCT"]
    assert abducted and abducted[0].actor1.name == "ADF" and abducted[0].quantities.get("abducted") == 9


def test_a_person_taken_from_his_home_is_abducted():
    events = long("Relatives said the journalist Idrissa Kone was taken from his home in Bamako by armed men on "
                  "Tuesday night.")
    assert [e for e in events if e.type == "ABDUCT"]


def test_a_march_with_no_one_carried_off_is_a_protest():
    events = long("Thousands of students marched through the centre of Conakry on Monday to demand free elections.")
    assert [e for e in events if e.type == "PROTEST"] and not [e for e in events if e.type == "ABDUCT"]
