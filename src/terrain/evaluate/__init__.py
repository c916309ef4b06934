"""The evaluate stage: how well extraction does, against gold files and against ACLED's coding.

    gold.py         load_gold / score / evaluate(gold_path, store)      -> GoldReport  (`terrain eval`)
    acled.py        evaluate_acled(csv_path, limit=, sample=, seed=)    -> AcledReport (`terrain eval-acled`)
    matching.py     what "the same actor / place / date" means (shared by both)
    acled_map.py    ACLED types and actor names in ontology terms (data: terrain/data/acled_mapping.yaml)
    acled_notes.py  what an ACLED note writes: deaths and day (which rows those measures score)
    audit.py        audit(gold, events) -> Audit: where the misses and false events fall (scripts/audit.py)
"""
