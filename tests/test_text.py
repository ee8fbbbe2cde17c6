"""Tests for percycheck.text: sentences, where they start, and which are worth checking."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from percycheck.models import Claim
from percycheck.text import (
    is_check_worthy,
    looks_like_markdown,
    skip_reason,
    split_lines,
    split_markdown,
    split_text,
    suppressed_lines,
)

SOURCES = Path(__file__).resolve().parent.parent / "sources"
LINE_BREAK = re.compile(r"\r\n?|\n")


def texts(claims: list[Claim]) -> list[str]:
    return [claim.text for claim in claims]


def places(claims: list[Claim]) -> list[tuple[int, int, str]]:
    located = []
    for claim in claims:
        assert claim.location is not None
        located.append((claim.location.line, claim.location.column, claim.text))
    return located


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` as the splitter counts them (a leading BOM is column 0)."""
    return LINE_BREAK.split(text.removeprefix("\ufeff"))


def read_source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- sentence splitting


@pytest.mark.parametrize(
    "sentence",
    [
        "The rover landed on Feb. 18, 2021, in Jezero Crater.",
        "The team met in Sept. 2021 and again in Jan. 2022 to review the data.",
        "JPL in Pasadena, Calif. manages the mission for NASA.",
        "The rover launched from Cape Canaveral, Fla. on July 30, 2020.",
        "The U.S. Space Force supported the launch from Florida.",
        "The U.K. Space Agency followed the landing closely.",
        "Dr. Jennifer Trosper led the project with Mr. Smith and Mrs. Jones.",
        "The crowd gathered on St. Patrick's Day to watch the replay.",
        "It was sample No. 5 of the campaign.",
        "Curiosity vs. Perseverance is a common comparison.",
        "Some instruments, e.g. SuperCam, use lasers to study rocks.",
        "The mast holds cameras, i.e. Mastcam-Z, for imaging.",
        "It carries cameras, spectrometers, etc. and a microphone.",
        "Lockheed Martin Corp. built the aeroshell for the rover.",
        "United Launch Alliance Inc. provided the Atlas V rocket.",
        "Martin Luther King Jr. was not involved in the mission.",
        "The book was by J. R. R. Tolkien, not by a NASA author.",
        "Michael A. Watkins directed JPL when the rover landed.",
        "The rover drove 1.03 kilometers and its arm reaches 3.5 meters.",
        "The rover paused... then it drove on toward the delta.",
        "It waited… then it moved again.",
        '"The rover landed safely." he said after the broadcast.',
        "It cost about $2.7 billion (approx. 2.4 billion euros) in total.",
    ],
)
def test_abbreviations_decimals_initials_and_ellipses_do_not_split(sentence: str) -> None:
    assert texts(split_text(sentence)) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rover landed. It drove.", ["The rover landed.", "It drove."]),
        (
            "He said it was done. Then it drove on! Was it fast? Yes, very fast.",
            ["He said it was done.", "Then it drove on!", "Was it fast?", "Yes, very fast."],
        ),
        (
            "The team works at Acme Inc. The company builds parts.",
            ["The team works at Acme Inc.", "The company builds parts."],
        ),
        (
            "It waited... The next day it moved.",
            ["It waited...", "The next day it moved."],
        ),
        (
            "It was sample No. 5 of the campaign. No. That is wrong.",
            ["It was sample No. 5 of the campaign.", "No.", "That is wrong."],
        ),
        (
            "The rover landed in 2021. 2022 was its first full year.",
            ["The rover landed in 2021.", "2022 was its first full year."],
        ),
    ],
)
def test_sentences_split_at_real_ends(text: str, expected: list[str]) -> None:
    assert texts(split_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'He said, "The rover landed." Then it drove away.',
            ['He said, "The rover landed."', "Then it drove away."],
        ),
        (
            "“It is the first time we captured this.” Watkins said so.",
            ["“It is the first time we captured this.”", "Watkins said so."],
        ),
        (
            '"The rover landed safely," she said. "It works."',
            ['"The rover landed safely," she said.', '"It works."'],
        ),
        ('"The rover landed." he said.', ['"The rover landed." he said.']),
        ("(It landed in Jezero.) The rover drove.", ["(It landed in Jezero.)", "The rover drove."]),
    ],
)
def test_quotes_stay_attached(text: str, expected: list[str]) -> None:
    assert texts(split_text(text)) == expected


def test_blank_lines_end_paragraphs() -> None:
    text = "A paragraph without a stop\n\n  \nThe next paragraph starts here."
    assert places(split_text(text)) == [
        (1, 1, "A paragraph without a stop"),
        (4, 1, "The next paragraph starts here."),
    ]


def test_short_unpunctuated_line_is_its_own_sentence() -> None:
    text = "Headline Without Punctuation\nThe rover landed on Mars in 2021 and is still driving."
    assert places(split_text(text)) == [
        (1, 1, "Headline Without Punctuation"),
        (2, 1, "The rover landed on Mars in 2021 and is still driving."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the next line starts in lower case
        "The rover landed on Mars after a seven month journey through deep\n"
        "space and then began its science mission.",
        # the line is long (12 words or more)
        "The spacecraft carried the rover and the helicopter on the long journey to the planet\n"
        "Mars and landed in 2021.",
        # the line plainly runs on
        "It was launched by the United Launch Alliance from Cape Canaveral,\nFlorida, in 2020.",
        "It was launched on an Atlas V rocket from the\nCape in 2020.",
    ],
)
def test_wrapped_lines_are_joined(text: str) -> None:
    claims = split_text(text)
    assert texts(claims) == [" ".join(text.split())]


def test_white_space_is_collapsed() -> None:
    claims = split_text("The   rover\t\tlanded\n   on\u00a0Mars in 2021.")
    assert texts(claims) == ["The rover landed on Mars in 2021."]


def test_list_markers_are_not_part_of_the_sentence() -> None:
    text = "- The rover landed in 2021.\n* It carries seven instruments.\n12. Ingenuity flew."
    assert places(split_text(text)) == [
        (1, 3, "The rover landed in 2021."),
        (2, 3, "It carries seven instruments."),
        (3, 5, "Ingenuity flew."),
    ]


def test_punctuation_only_fragments_are_dropped() -> None:
    assert split_text("Mars\n.\n\n— …\n\n") == [split_text("Mars")[0]]
    assert split_text("") == []
    assert split_text(" \n\t\r\n ") == []


# ---------------------------------------------------------------------- locations


def test_crlf_lone_cr_and_tabs_give_the_right_line_and_column() -> None:
    text = "Alpha beta gamma.\r\n\r\n\tThe rover landed. It drove.\rNext line here.\nLast one."
    assert places(split_text(text, "notes.txt")) == [
        (1, 1, "Alpha beta gamma."),
        (3, 2, "The rover landed."),
        (3, 20, "It drove."),
        (4, 1, "Next line here."),
        (5, 1, "Last one."),
    ]
    assert {claim.location.path for claim in split_text(text, "notes.txt") if claim.location} == {
        "notes.txt"
    }


def test_columns_count_characters_not_bytes() -> None:
    assert places(split_text("🚀 Rocket launched today. It flew.")) == [
        (1, 1, "🚀 Rocket launched today."),
        (1, 26, "It flew."),
    ]
    assert places(split_text("Ünïcödé wörds here. Zweiter Satz hier.")) == [
        (1, 1, "Ünïcödé wörds here."),
        (1, 21, "Zweiter Satz hier."),
    ]


def test_a_bom_is_column_zero() -> None:
    assert places(split_text("\ufeffThe rover landed. It drove.\nNext.")) == [
        (1, 1, "The rover landed."),
        (1, 19, "It drove."),
        (2, 1, "Next."),
    ]


def test_split_lines() -> None:
    text = "\ufeff  The rover landed in 2021.  \r\n\r\n\tIngenuity flew. Twice.\rlast"
    assert places(split_lines(text, "claims.txt")) == [
        (1, 3, "The rover landed in 2021."),
        (3, 2, "Ingenuity flew. Twice."),
        (4, 1, "last"),
    ]
    assert split_lines("") == []
    assert split_lines("\n\n  \n") == []


# ----------------------------------------------------------------------- Markdown

DRAFT = """\
---
title: Notes on the rover (the rover landed in 1999)
---

# Perseverance landed in 2021

The rover landed on **Feb. 18, 2021**. It has six wheels.

- NASA's Ingenuity flew on Mars.
  1. The rover weighs 1,025 kg.

> The mission launched in 2020.

| Claim | Year |
|-------|------|
| Perseverance landed | 2021 |

```
The rover is a fake from 1999.
```

    Indented code says 1999.

Inline `code 2021` and a [link](https://example.com/1999) here.

<!-- The rover landed in 1999. -->

![The rover in 1999](https://example.com/1999.png)

<https://example.com/1999>
"""

DRAFT_CLAIMS = [
    (5, 3, "Perseverance landed in 2021"),
    (7, 1, "The rover landed on Feb. 18, 2021."),
    (7, 40, "It has six wheels."),
    (9, 3, "NASA's Ingenuity flew on Mars."),
    (10, 6, "The rover weighs 1,025 kg."),
    (12, 3, "The mission launched in 2020."),
    (14, 3, "Claim"),
    (14, 11, "Year"),
    (16, 3, "Perseverance landed"),
    (16, 25, "2021"),
    (24, 1, "Inline code 2021 and a link here."),
]


def test_markdown_draft_exact_lines_and_columns() -> None:
    assert places(split_markdown(DRAFT, "draft.md")) == DRAFT_CLAIMS


def test_markdown_with_crlf_and_bom_keeps_the_same_places() -> None:
    assert places(split_markdown("\ufeff" + DRAFT.replace("\n", "\r\n"))) == DRAFT_CLAIMS


def test_markdown_never_checks_code_blocks_front_matter_html_or_urls() -> None:
    checked = " ".join(texts(split_markdown(DRAFT)))
    assert "1999" not in checked
    assert "example.com" not in checked
    assert "title" not in checked


def test_markdown_drops_emphasis_markers_and_keeps_link_text() -> None:
    claims = split_markdown("*Perseverance* is **big** and _fast_, says [NASA](https://nasa.gov).")
    assert texts(claims) == ["Perseverance is big and fast, says NASA."]
    assert places(claims)[0][:2] == (1, 2)  # the first word, past the "*"


def test_markdown_heading_is_one_sentence() -> None:
    assert places(split_markdown("## Perseverance landed. It drove.\n")) == [
        (1, 4, "Perseverance landed. It drove.")
    ]
    assert places(split_markdown("Setext heading here\n===\n")) == [(1, 1, "Setext heading here")]


def test_markdown_soft_line_breaks_are_spaces() -> None:
    text = "The rover landed in Jezero\nCrater on Feb. 18, 2021. It then\ndrove off.\n"
    assert places(split_markdown(text)) == [
        (1, 1, "The rover landed in Jezero Crater on Feb. 18, 2021."),
        (2, 26, "It then drove off."),
    ]


def test_markdown_list_item_with_a_tab_and_nested_quote() -> None:
    assert places(split_markdown("-\tThe rover landed.\n\n> - Ingenuity flew.\n")) == [
        (1, 3, "The rover landed."),
        (3, 5, "Ingenuity flew."),
    ]


def test_markdown_repeated_words_are_located_in_order() -> None:
    text = "| Mars | Mars |\n|---|---|\n| Mars | Mars |\n\nMars is red. Mars is far.\n"
    assert places(split_markdown(text)) == [
        (1, 3, "Mars"),
        (1, 10, "Mars"),
        (3, 3, "Mars"),
        (3, 10, "Mars"),
        (5, 1, "Mars is red."),
        (5, 14, "Mars is far."),
    ]


def test_front_matter_needs_a_closing_line() -> None:
    # Without a closing "---" the first line is a thematic break, and the rest is prose.
    assert texts(split_markdown("---\nThe rover landed.\n")) == ["The rover landed."]


def test_looks_like_markdown() -> None:
    assert looks_like_markdown(DRAFT)
    assert looks_like_markdown("# Perseverance\n\nIt landed.")
    assert looks_like_markdown("It landed, says [NASA](https://nasa.gov).")
    assert looks_like_markdown("---\ntitle: x\n---\nBody text.")
    assert looks_like_markdown("Text\n\n```\ncode\n```\n")
    assert looks_like_markdown("Use **bold** and `code` here.")
    assert not looks_like_markdown("The rover landed. It drove 1.03 km on Feb. 18.")
    assert not looks_like_markdown("#CountdownToMars was trending.")
    assert not looks_like_markdown("- one bullet\n- another bullet\n")


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda path: path.name)
def test_source_texts_do_not_look_like_markdown(path: Path) -> None:
    assert not looks_like_markdown(path.read_text(encoding="utf-8"))


# -------------------------------------------------------------------- suppression


def test_suppressed_lines() -> None:
    text = (
        "Line one is fine.\n"
        "This is wrong. <!-- percycheck: ignore -->\n"
        "# percycheck: ignore-next-line\n"
        "The rover landed in 1999.\r\n"
        "percycheck: ignored is not a directive\n"
        "Last line.  // percycheck:ignore"
    )
    assert suppressed_lines(text) == frozenset({2, 4, 6})
    assert suppressed_lines("nothing to see") == frozenset()


def test_suppression_drops_claims_in_a_markdown_draft() -> None:
    draft = (
        "Perseverance landed in 2021.\n"
        "\n"
        "<!-- percycheck: ignore-next-line -->\n"
        "The rover landed in 1999.\n"
        "\n"
        "The rover weighs 9 tonnes. <!-- percycheck: ignore -->\n"
        "\n"
        "Ingenuity flew in 2021.\n"
    )
    silenced = suppressed_lines(draft)
    kept = [c for c in split_markdown(draft) if c.location and c.location.line not in silenced]
    assert texts(kept) == ["Perseverance landed in 2021.", "Ingenuity flew in 2021."]


# ------------------------------------------------------------------ worthiness


@pytest.mark.parametrize(
    "sentence",
    [
        "Careers",
        "SUBSCRIBE",
        "Full Image Details",
        "Create a free account to continue",
        "Read This Next",
        "Watch the video here:",
        "Get the Latest JPL News",
        "Credit: NASA/JPL-Caltech",
        "PHOTO: AFP",
        "PHOTO: NASA VIA REUTERS",
        "Topics:",
        "Why are people so dang obsessed with Mars?",
        "Did the rover land in 2021?",
        "How viruses shape our world",
        "Click here to get the Fox News app",
        "Sign up for the newsletter today",
        "Follow us on social media for updates",
        "Download the free app for the latest news",
        "See how NASA's new Mars rover will explore the red planet",
        "Or get a Premium Subscription to access the best of Nat Geo",
        "No credit card required.",
        "You can now listen to Fox News articles!",
        "https://mars.nasa.gov/mars2020/ and https://nasa.gov/perseverance",
        "Contact alana.r.johnson@nasa.gov or grey.hautaluoma-1@nasa.gov today",
        "Call 202-672-4780 or 202-358-0668",
        "Media: 202-358-0668 / 818-393-9011 / 202-672-4780 / 202-555-0100",
        "I think the rover is great.",
        "In my opinion, the mission was a triumph.",
        "Perseverance is amazing.",
        "The helicopter is so cool!",
        "NASA'S PERSEVERANCE ROVER LANDS ON MARS",
        "Careers Education Science & Technology Acquisitions JPL Store",
        "Site Editors: Tony Greicius, Naomi Hartono",
        "More About the Mission",
        "A little rocking, a little engine throttling, and a gentle lowering to the ground.",
        "",
    ],
)
def test_not_check_worthy(sentence: str) -> None:
    assert not is_check_worthy(sentence)
    assert skip_reason(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The rover landed on Feb. 18, 2021.",
        "Perseverance carries seven instruments.",
        "The rovers carry seven instruments.",
        "Ingenuity flew 72 times before its mission ended.",
        "NASA built the rover at JPL.",
        "JPL manages the mission for NASA.",
        "Friday marks the first anniversary of NASA's Perseverance rover's Mars landing.",
        "The rover weighs about 1,025 kilograms.",
        "I think Perseverance landed in 2021.",
        "New Delhi: NASA has released footage captured by the Perseverance rover.",
        '"This is the first time we\'ve captured a landing," said Michael Watkins.',
        "The mission is part of NASA's Moon to Mars exploration approach.",
    ],
)
def test_check_worthy(sentence: str) -> None:
    assert is_check_worthy(sentence)
    assert skip_reason(sentence) is None


SKIPPED_IN_SOURCES = {
    "jpl-2021-02-19.txt": [
        "Careers",
        "Feb. 19, 2021",
        "Credit: NASA/JPL-Caltech",
        "Full Image Details",
        "Get the Latest JPL News",
        "SUBSCRIBE TO THE NEWSLETTER",
        "More About the Mission",
        "For more about Perseverance:",
        "https://mars.nasa.gov/mars2020/",
        "202-672-4780 / 202-358-0668",
        "alana.r.johnson@nasa.gov / grey.hautaluoma-1@nasa.gov",
        "Subscribe to JPL News",
        "Follow Us",
    ],
    "natgeo-undated.txt": [
        "DON'T MISS THE REST OF THIS STORY!",
        "Create your free account to continue reading",
        "No credit card required.",
        "Unlimited access to free content.",
        "Read This Next",
        "Why are people so dang obsessed with Mars?",
        "See how people have imagined life on Mars through history",
    ],
    "foxnews-2022-02-18.txt": [
        "CLICK HERE TO GET THE FOX NEWS APP",
        "NASA'S PERSEVERANCE ROVER LANDS ON MARS",
    ],
    "gallery-2021-02-19.txt": ["Published", "1 hour ago", "PHOTO: AFP", "Topics:"],
    "indiacom-2021-02-23.txt": [
        "Watch the video and an explanation of the Mars touchdown here:",
        "Explore in 3D in the YouTube app: https://t.co/iz9YIvEsvy",
    ],
}

KEPT_IN_SOURCES = {
    "jpl-2021-02-19.txt": [
        "A camera aboard the descent stage captured this shot.",
        "The High Resolution Camera Experiment (HiRISE) camera did the same for Curiosity in 2012.",
        "The mast is scheduled to be raised Saturday, Feb. 20, after which the Navcams are "
        "expected to take panoramas of the rover’s deck and its surroundings.",
        "JPL, a division of Caltech in Pasadena, California, manages the Mars 2020 Perseverance "
        "mission and the Ingenuity Mars Helicopter technology demonstration for NASA.",
    ],
    "natgeo-undated.txt": [
        "NASA’s Perseverance rover made this selfie near a rock nicknamed Rochette on September "
        "10, 2021, after drilling two chalk-size rock cores—the first successful samples the "
        "rover collected.",
    ],
    "foxnews-2022-02-18.txt": [
        "Friday marks the first anniversary of NASA's Perseverance rover's Mars landing.",
        "The rover first touched down in the planet's Jezero Crater on Feb. 18, 2021.",
        "The Mars 2020 mission launched July 30, 2020, from the Cape Canaveral Space Force "
        "Station in Florida.",
        "Two more samples will be collected in the coming weeks that scientists believe could "
        "provide an age range for Jezero's formation and lake.",
    ],
    "gallery-2021-02-19.txt": [
        "The most advanced astrobiology laboratory landed safely on the Red Planet after a space "
        "journey of nearly 7 months.",
        "A United Launch Alliance Atlas V rocket carrying NASA's Mars 2020 Perseverance Rover "
        "vehicle takes off from Cape Canaveral Air Force Station in Cape Canaveral, Florida, "
        "U.S. on July 30, 2020.",
    ],
    "indiacom-2021-02-23.txt": [
        "The panorama was stitched together from six individual images after they were sent "
        "back to Earth.",
        "NASA’s Jet Propulsion Laboratory in Southern California built and manages operations "
        "of the Mars 2020 Perseverance rover for NASA.",
    ],
}


@pytest.mark.parametrize("name", sorted(SKIPPED_IN_SOURCES))
def test_source_navigation_is_skipped_and_facts_are_kept(name: str) -> None:
    claims = split_text(read_source(name), name)
    worthy = {claim.text for claim in claims if is_check_worthy(claim.text)}
    skipped = {claim.text for claim in claims} - worthy
    assert set(SKIPPED_IN_SOURCES[name]) <= skipped
    assert set(KEPT_IN_SOURCES[name]) <= worthy


def test_most_source_sentences_with_a_number_and_a_full_stop_are_kept() -> None:
    """The fact-bearing prose of every source survives, not just the hand-picked lines."""
    for path in sorted(SOURCES.glob("*.txt")):
        claims = split_text(path.read_text(encoding="utf-8"))
        factual = [
            c.text
            for c in claims
            if c.text.endswith(".") and re.search(r"\d", c.text) and len(c.text.split()) >= 8
        ]
        kept = [text for text in factual if is_check_worthy(text)]
        assert len(kept) >= 0.9 * len(factual), (path.name, set(factual) - set(kept))


def test_source_locations_point_at_the_sentence() -> None:
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = source_lines(text)
        for claim in split_text(text):
            assert claim.location is not None
            line = lines[claim.location.line - 1]
            assert line[claim.location.column - 1 :].startswith(claim.text.split()[0])


# ------------------------------------------------------------------ hostile input

BIG = 2_000_000


def test_two_megabyte_single_line() -> None:
    sentence = "The rover landed on Feb. 18, 2021. "
    count = BIG // len(sentence)
    claims = split_text(sentence * count)
    assert len(claims) == count
    assert places(claims[-1:]) == [(1, 1 + len(sentence) * (count - 1), sentence.strip())]
    assert len(split_markdown(sentence * count)) == count


def test_two_megabyte_token_and_punctuation() -> None:
    assert texts(split_text("a" * BIG)) == ["a" * BIG]
    assert split_text("." * BIG) == []
    assert split_text(". " * (BIG // 2)) == []
    assert len(split_text("a. " * (BIG // 3))) == 1  # "a." before a lower-case word
    assert isinstance(is_check_worthy("word " * (BIG // 5)), bool)


def test_hundred_thousand_digits() -> None:
    digits = "1" * 100_000
    assert texts(split_text(digits)) == [digits]
    assert texts(split_markdown(digits)) == [digits]
    assert is_check_worthy(digits) is False


def test_feb_repeated() -> None:
    text = "Feb. " * 100_000
    assert texts(split_text(text)) == [text.strip()]
    assert not is_check_worthy(text)


@pytest.mark.parametrize(
    "text",
    [
        "\n" * 500_000,
        "\r\n" * 300_000 + "x",
        "x" + " " * 1_000_000 + "y.",
        "\n" + " \t" * 500_000 + "Mars.",
        "[" * 100_000 + "](" * 50_000,
        "`" * 100_000,
        "*_" * 100_000,
        '."' * 300_000,
        "…" * 300_000 + " x",
        "Short line here\n" * 20_000,
        "one long wrapped sentence of the\n" * 50_000,
        "&eacute;. " * 20_000,
        "> " * 10_000 + "quote",
        "| a " * 10_000 + "|\n" + "|---" * 10_000 + "|\n",
        "percycheck: ignore-next-line\n" * 50_000,
    ],
    ids=lambda text: repr(text[:12]),
)
def test_hostile_inputs_return(text: str) -> None:
    for split in (split_text, split_markdown, split_lines):
        claims = split(text)
        assert all(claim.location is not None for claim in claims)
    assert isinstance(looks_like_markdown(text), bool)
    assert isinstance(suppressed_lines(text), frozenset)
    assert isinstance(is_check_worthy(text), bool)


# ----------------------------------------------------------------------- properties

PROSE = st.lists(
    st.sampled_from([*"ab Z1.!?\"”'(-\t\r\n…\ufeffé", "Feb.", "U.S.", "No. ", "- "]),
    max_size=80,
).map("".join)
MARKDOWN_PIECES = "Mars|rover|The|Feb.|18,|2021.|It|landed!|- |> |# |1. | | |\n|\n\n|\r\n|\t"
MARKDOWN = st.lists(st.sampled_from(MARKDOWN_PIECES.split("|")), max_size=60).map("".join)


def assert_located(text: str, claims: list[Claim], *, first_word: bool = True) -> None:
    lines = source_lines(text)
    for claim in claims:
        assert claim.text and claim.text == " ".join(claim.text.split())
        assert claim.location is not None
        line, column = claim.location.line, claim.location.column
        assert 1 <= line <= len(lines)
        assert 1 <= column <= len(lines[line - 1])
        if first_word:
            assert lines[line - 1][column - 1 :].startswith(claim.text.split()[0])


@settings(deadline=None)
@given(st.text())
def test_any_text_splits_within_bounds(text: str) -> None:
    assert_located(text, split_text(text))
    assert_located(text, split_lines(text))
    assert_located(text, split_markdown(text), first_word=False)
    assert isinstance(is_check_worthy(text), bool)
    assert all(line >= 1 for line in suppressed_lines(text))


@settings(deadline=None)
@given(PROSE)
def test_prose_first_word_is_at_its_location(text: str) -> None:
    assert_located(text, split_text(text))


@settings(deadline=None)
@given(MARKDOWN)
def test_markdown_first_word_is_at_its_location(text: str) -> None:
    assert_located(text, split_markdown(text))


# --------------------------------------------------------- Markdown the parser knows (issue 11)


def test_inline_code_keeps_its_text_in_the_sentence() -> None:
    claims = split_markdown("The mission is managed by `Boeing` for NASA.\n")
    assert places(claims) == [(1, 1, "The mission is managed by Boeing for NASA.")]


def test_strikethrough_and_deletion_tags_are_not_prose() -> None:
    text = (
        "Perseverance weighs ~~2,623~~ 2,263 pounds.\n\n"
        "It landed on <del>Feb. 19</del> Feb. 18, 2021 in <S>Gale</S> Jezero Crater.\n\n"
        "~~Ingenuity flew to Venus.~~ Ingenuity flew on Mars.\n"
    )
    assert texts(split_markdown(text)) == [
        "Perseverance weighs 2,263 pounds.",
        "It landed on Feb. 18, 2021 in Jezero Crater.",
        "Ingenuity flew on Mars.",
    ]


def test_footnote_markers_stay_out_and_definitions_are_their_own_sentences() -> None:
    text = (
        "Perseverance weighs 2,263 pounds.[^1] It has six wheels.[^wheels]\n"
        "\n"
        "[^1]: Fox News reported the mass in 2022.\n"
        "[^wheels]: The JPL release shows a wheel.\n"
        "\n"
        "The rover landed in 2021.\n"
    )
    assert places(split_markdown(text)) == [
        (1, 1, "Perseverance weighs 2,263 pounds."),
        (1, 39, "It has six wheels."),
        (3, 7, "Fox News reported the mass in 2022."),
        (4, 12, "The JPL release shows a wheel."),
        (6, 1, "The rover landed in 2021."),
    ]


def test_front_matter_is_left_out_and_lines_stay_where_they_were() -> None:
    text = "---\ntitle: Perseverance landed in 1999.\ntags: [mars]\n---\n\nThe rover landed in 2021.\n"
    assert places(split_markdown(text)) == [(6, 1, "The rover landed in 2021.")]
