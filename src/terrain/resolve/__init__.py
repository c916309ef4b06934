"""The resolve stage: canonical actors (``actors.registry()``) and places (``gazetteer.gazetteer()``).

Used by the extractor; both load their reference data from ``terrain/data/`` once and cache it.
"""
