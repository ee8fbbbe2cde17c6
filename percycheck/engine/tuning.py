"""Every tuned number of the engine, in one place.

Each constant says what it does and on which claims it was set. "Development sets" are the
sets the team has looked at while building the engine (``../shared/devset.jsonl``,
``../shared/realdev.jsonl``, ``tests/data/heldout.jsonl``, ``tests/data/fresh.jsonl``,
``bench/claims-g.jsonl`` and ``tests/data/realprose-tune.jsonl``); none of them is held out.
``tests/data/realprose-report.jsonl`` was only ever scored, never used to choose a number.
"""

from __future__ import annotations

CONTRADICT_COVERAGE = 0.55
"""Share of the claim's topic (idf-weighted) a fact must cover before its values can contradict
the claim. Set on the development sets (unchanged since the first engine)."""

CONFLICT_LEFTOVER = 0.1
"""A conflict contradicts only when at most this share of the claim's topic (idf-weighted) is
left unaligned with the candidate facts: the rest of the claim must say what the sources say,
or the claim is about another event. Set on realdev and realprose-tune (the false alarms of
real prose carry a third or more of unaligned words; restated false claims carry none or one)."""

CONFLICT_REVERSE = 0.25
"""A conflict contradicts only when the claim restates at least this share of the fact's
statement: "six samples so far" restates too little of "two chalk-size cores from Rochette" to be
about the same event. Set on realdev and realprose-tune."""

NEGATION_COVERAGE = 0.65
"""Opposite polarity contradicts only a fact that covers this much of the claim. Development sets."""

SECONDARY_WEIGHT = 0.6
"""In topic coverage, a word found only in a fact's quotes (not its statement or keywords)
counts this much. Development sets."""

CONTRADICTION_MARGIN = 0.02
"""A contradiction wins over a support whose score is not at least this much higher."""

AMBIENT_SHARE = 0.12
"""Entities named by more than this share of facts (NASA, Mars) cannot decide a verdict."""

DATE_ANCHOR_REVERSE = 0.5
"""A value in a slot with a generic name ("date", "place") belongs to the fact's event only when
the claim restates at least this share of the fact's statement. Development sets."""

PASSAGE_CHARS = 300
"""Quotes this close together in one source are one passage (their facts may join to support)."""

NOVEL_WORDS_LIMIT = 2
"""A claim with this many words that no fact uses at all says something the sources do not."""

STEM_PREFIX = 5
"""Two words sharing their first this-many letters are one word to a reader ("relief", "relieved")."""

STEM_MATCH_WEIGHT = 0.8
"""In topic coverage, a word that only shares its stem prefix with a fact word counts this much."""

VALUE_WEIGHT = 0.8
"""An agreeing, anchored date or amount weighs this share of the rarest word in topic coverage."""

SUBSTITUTION_SPAN = 2
"""At most this many words on each side make a word swap (longer runs are rewording)."""

SIBLING_CANDIDATES = 3
"""How many of the best candidates are also tried together with their sibling facts."""

VALUE_CANDIDATES = 3
"""A claim's date or amount adds the facts that state it to the candidates, when no more than this
many do: a rarer value points at its event, a common one (the landing day) at none. Set by hand
on realprose-tune: the launch, drive-record and descent-image facts are each one or two facts."""

JOINT_CANDIDATES = 4
"""How many of the best candidates may join to support a claim whose parts come from several facts."""

MAX_CLAIM_CHARS = 2000
"""Longer "sentences" are not claims; they are answered unknown at once."""

MAX_CITATIONS = 3
"""Citations shown per deciding fact."""

APPROX_SLACK = 0.05
"""How far a claimed bound may pass the sourced bound and still agree with it."""

CONVERSION_SLACK = 0.002
"""How far a value restated in another unit may stray beyond both values' own rounding (0.2%):
writers and sources round their conversions ("1,025 kilograms" for 2,263 pounds, which is
1,026.5 kg). The claim's rounding already widens a round figure ("1,040 kilograms" is 1,035 to
1,045), so the slack itself stays small: 1,040 kg is another figure. Set by hand from how
conversions are rounded; realdev labels 1,040 kg contradicted."""

ENTAILING_SENSES = 4
"""A fact word entails the synonyms and more general words of only its this-many most frequent
WordNet senses (the lexicon keeps four). Raised from 2 once the hand synonym groups stopped being
applied to more general words: the rare-sense links ("relieved" is a kind of "free", which a hand
group made a "drop") came from that, not from the senses. Set on devset, realdev, realprose-tune,
heldout, fresh and claims-g: 4 supports more true claims there and adds no false verdict."""

GENERALISATION_DEPTH = 4
"""How many hypernym steps up a fact word still entails a claim word (a rover is a vehicle, a
conveyance, an instrumentality; higher up, "entity" says nothing). Development sets."""
