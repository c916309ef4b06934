"""Long-form articles restate: a toll, a "the fighting went on", a purpose or a coup are no new events
(extract/violence.py, extract/triggers.py). The article is our own, about invented places in a real country."""
from __future__ import annotations

import pytest

from test_extract_incidents import extract  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow

ARTICLE = """Jihadist fighters attacked an army post at Djibo in northern Burkina Faso on Tuesday, killing 14 soldiers, the army said in a statement on Wednesday.

About 30 people were wounded, according to hospital staff in the town. The fighting went on for several hours before reinforcements arrived by road.

The army has been stretched thin since it seized power in a coup in 2022. The junta called criticism of its record an attack on the country's sovereignty and said it would recruit thousands of volunteers to fight the insurgents.

Attacks in the north and east of the country have displaced hundreds of thousands of people, and aid groups say access to several towns is cut off for weeks at a time. Regional officials have asked for more helicopters to supply besieged garrisons and to evacuate the wounded, and have warned that food stocks in some towns could run out before the rainy season begins in earnest.

The government says the volunteer force has helped to retake ground, a claim that independent researchers
have not been able to verify because journalists are rarely allowed to travel outside the capital without an
escort, and several foreign correspondents have been expelled over the past year."""


def test_an_article_yields_its_attack_and_no_restatements():
    assert len(ARTICLE) > 1200  # read as an article, not an incident report
    events = extract(ARTICLE, published="2023-05-04")
    # one assault on the army post (a BATTLE: fighters against soldiers), no restated toll, no second fight
    # ("to fight the insurgents" is a purpose)
    fights = [e for e in events if e.type in ("ATTACK", "BATTLE")]
    assert len(fights) == 1 and fights[0].quantities.get("fatalities") == 14
    assert fights[0].actor2 is not None and fights[0].actor2.country == "BFA"
    assert not [e for e in events if e.type == "SEIZE"]  # "seized power" is a coup, not a town taken


SECOND = """The paramilitary Rapid Support Forces took full control of the town of Tawila in North Darfur on Sunday after a siege of several months, residents and aid workers said.

Aid workers said that more than forty patients were shot in the town's main clinic on Monday. Relatives said the bodies were left in the street for two days.

The rebels have come closer to the state capital than at any time since they launched their offensive in the spring. Their commanders say they will keep advancing until the army agrees to negotiate a ceasefire, and they have told residents to stay in their homes.

Humanitarian groups have warned that food and medicine are running out across the region, and that roads to the west have been closed to aid convoys for weeks. The United Nations has asked both sides to open corridors so that the wounded can be evacuated, and donors are due to meet next month to discuss new funding for the response.

Prices in the markets of the regional capital have tripled since the start of the year, traders said, and many families now eat once a day. Schools have been closed since the siege began, and teachers have not been paid for months. Several wells outside the town have run dry."""


def test_an_articles_unnamed_attackers_and_unnamed_enemies():
    assert len(SECOND) > 1200
    events = extract(SECOND, published="2025-06-10")
    shooting = [e for e in events if e.type == "ATTACK" and e.evidence.text.startswith("Aid workers said")]
    assert shooting and shooting[0].actor1.name == "RSF"  # the one armed group the article names
    # "since they launched their offensive": a fight with no named other side restates, it is no battle
    assert not [e for e in events if e.type == "BATTLE"]
