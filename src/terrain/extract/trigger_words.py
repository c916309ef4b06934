"""The trigger record and the word sets the trigger rules share (extract/triggers.py for nouns and the
sentence loop, extract/verb_triggers.py for verbs)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

TROOPS = frozenset({"troops", "troop", "soldier", "force", "contingent", "battalion", "peacekeeper", "reinforcement",
                    "instructor", "mercenary", "personnel", "police", "policeman", "unit", "commando", "officer",
                    "paratrooper", "marine", "gendarme"})
AIR = frozenset({"air", "airstrike", "drone", "aerial", "jet", "aircraft", "helicopter", "warplane"})
TALKS = frozenset({"discussion", "talk", "negotiation", "consultation"})
HELP = frozenset({"support", "assistance", "help", "expertise", "troops", "deployment", "training", "aid", "protection"})
ABSTRACT = frozenset({"sovereignty", "integrity", "democracy", "freedom", "right", "constitution", "dignity",
                      "independence", "press", "unity", "peace", "economy", "institution", "credibility"})
ACCUSE_VERBS = frozenset({"accuse", "suspect", "blame", "charge", "convict"})
FINDINGS = frozenset({"finding", "report", "accusation", "allegation", "claim", "charge", "conclusion", "verdict"})


@dataclass
class Trigger:
    token: Token
    type: str
    breaking: bool = False  # an ALIGN that breaks a relation ("suspended cooperation")
    via_object: bool = False  # typed by its object ("provided aid"): the object is no actor
    nested: list[Token] = field(default_factory=list)  # violent triggers folded into this one
    obj: Token | None = None  # the object that typed it ("sent 500 soldiers")
    headline: bool = False  # a verb the parser read as a noun in a verbless headline ("Pokot attack farmers")

NAMING_VERBS = frozenset({"call", "describe", "brand", "label", "term"})  # "called the attack abhorrent"
CONDEMNING_VERBS = NAMING_VERBS | {"condemn", "denounce"}
# Words that condemn what they describe ("called the attack abhorrent", "a war crime", "an act of terror")
CONDEMNING = frozenset({"abhorrent", "barbaric", "cowardly", "heinous", "senseless", "despicable", "atrocious",
                        "crime", "terrorism", "terror", "atrocity", "massacre", "outrage", "outrageous", "horrific",
                        "unacceptable", "criminal", "barbarity", "genocide"})
# what a denial calls an accusation: "described the accusations as baseless", "called it a fabrication"
DENIAL_WORDS = frozenset({"unfounded", "baseless", "groundless", "false", "untrue", "fabricated", "fanciful",
                          "misleading", "slanderous", "absurd", "ridiculous", "fabrication", "lie", "fiction",
                          "fantasy", "smear", "slander", "falsehood", "nonsense"})
FIGHTERS = frozenset({"militant", "fighter", "insurgent", "rebel", "jihadist", "gunman", "attacker", "bomber",
                      "assailant", "raider", "bandit"})

CASUALTY_VERBS = frozenset({"kill", "injure", "wound", "die", "hurt", "maim"})
