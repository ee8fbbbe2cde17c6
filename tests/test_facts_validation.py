"""Each way a facts file can be wrong, written small, and the ``FILE:LINE: message`` it earns.

A curator fixes a facts file from its error messages alone, so every test here asserts the file,
the line and the words that name the problem; the last tests check the command line shows them
the same way (exit status 2, one line per problem on standard error, no traceback).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from percycheck.cli import main
from percycheck.facts import FactsError, builtin_facts_path, load_facts

SOURCE_TEXT = (
    "The rover landed on Feb. 18, 2021 in Jezero Crater.\n"
    "It weighs 2,263 pounds and has six wheels.\n"
)
GOOD = textwrap.dedent(
    """\
    version: 1
    sources:
      - id: src
        title: A source
        publisher: Somebody
        date: 2021-02-19
        url: null
        file: src.txt
    entities:
      - {id: rover, kind: craft, type: rover, name: Rover, aliases: [The Rover]}
      - {id: crater, kind: place, name: Jezero Crater, aliases: [Jezero], part_of: [mars]}
      - {id: mars, kind: place, type: planet, name: Mars}
    facts:
      - id: landing
        statement: The rover landed in Jezero Crater on February 18, 2021.
        subject: rover
        values:
          - {slot: landing date, date: 2021-02-18}
          - {slot: landing site, entity: crater}
          - {slot: rank, ordinal: 1, noun: landing}
        citations:
          - source: src
            quote: "The rover landed on Feb. 18, 2021 in Jezero Crater."
      - id: mass
        statement: The rover weighs 2,263 pounds.
        subject: rover
        negated: false
        values:
          - {slot: mass, quantity: 2263, unit: lb}
          - {slot: wheels, count: 6, noun: wheel}
        citations:
          - source: src
            quote: "It weighs 2,263 pounds and has six wheels."
    """
)
MASS_FACT = "  - id: mass\n"
MASS_CITATIONS = (
    "    citations:\n"
    "      - source: src\n"
    '        quote: "It weighs 2,263 pounds and has six wheels."\n'
)
MASS_AT = "- id: mass"


def write_facts(folder: Path, text: str | bytes, source: str | None = SOURCE_TEXT) -> Path:
    """A facts file with its source file beside it, as a curator would lay them out."""
    folder.mkdir(parents=True, exist_ok=True)
    if source is not None:
        (folder / "src.txt").write_text(source, encoding="utf-8")
    path = folder / "facts.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, snippet: str, nth: int = 1) -> int:
    """The 1-based line on which ``snippet`` occurs for the ``nth`` time."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if snippet in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{snippet!r} not in the test file")


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FactsError) as caught:
        load_facts(path)
    problems = caught.value.problems
    assert problems, "FactsError without problems"
    return problems


def assert_reported(problems: list[str], path: Path, line: int, *words: str) -> None:
    prefix = f"{path}:{line}: "
    hits = [
        p for p in problems if p.startswith(prefix) and all(w.lower() in p.lower() for w in words)
    ]
    assert hits, f"no problem starting {prefix!r} naming {words}; got:\n" + "\n".join(problems)


# --------------------------------------------------------------------------- the good file


def test_valid_minimal_file_loads_with_typed_values(tmp_path: Path) -> None:
    path = write_facts(tmp_path, GOOD)
    base = load_facts(path)
    assert [f.id for f in base.facts] == ["landing", "mass"]
    landing, mass = base.facts
    assert landing.line == line_of(GOOD, "- id: landing")
    date, site, rank = landing.values
    assert (date.kind, date.slot, date.text) == ("date", "landing date", "2021-02-18")
    assert (site.kind, site.entity, site.text) == ("entity", "crater", "Jezero Crater")
    assert (rank.kind, rank.low, rank.high, rank.noun) == ("ordinal", 1.0, 1.0, "landing")
    weight, wheels = mass.values
    assert weight.kind == "quantity" and weight.unit == "lb"
    assert weight.low is not None and weight.high is not None
    kilograms = 2263 * 0.45359237  # quantities are held in SI base units
    assert weight.low <= kilograms <= weight.high
    assert weight.high - weight.low < 1  # the precision of "2,263": a pound, not a ton
    assert wheels.kind == "count" and wheels.noun == "wheel"
    assert wheels.low is not None and wheels.high is not None
    assert wheels.low <= 6 <= wheels.high < 7
    (citation,) = mass.citations
    assert (citation.source, citation.publisher, citation.date) == ("src", "Somebody", "2021-02-19")
    assert base.entities["crater"].part_of == ("mars",)
    assert base.sources["src"].text == SOURCE_TEXT


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2021-02-18", "2021-02-18"),
        ('"2021-02"', "2021-02"),
        ("2021", "2021"),
        ("2021-02-18T10:30:00", "2021-02-18"),
    ],
)
def test_date_precisions(tmp_path: Path, written: str, stored: str) -> None:
    path = write_facts(tmp_path, GOOD.replace("date: 2021-02-18}", f"date: {written}}}"))
    assert load_facts(path).facts[0].values[0].text == stored


def test_quantity_range_and_approx(tmp_path: Path) -> None:
    text = GOOD.replace("quantity: 2263, unit: lb}", "quantity: [1, 2], unit: t, approx: at_least}")
    weight = load_facts(write_facts(tmp_path, text)).facts[1].values[0]
    assert weight.low is not None and weight.high is not None
    assert weight.low <= 1000 and weight.high >= 2000  # tonnes held as kilograms


# --------------------------------------------------------------------------- one bad field each

Case = tuple[str, str, str, int, tuple[str, ...]]


def _case(name: str, old: str, new: str, at: str, *words: str, nth: int = 1) -> Case:
    """A copy of GOOD with ``old`` replaced by ``new``, reported on the line holding ``at``."""
    assert old in GOOD, old
    text = GOOD.replace(old, new, 1)
    return name, text, at, nth, words


FIELD_CASES = [
    _case(
        "missing statement",
        "    statement: The rover weighs 2,263 pounds.\n",
        "",
        MASS_AT,
        "fact mass",
        "missing field 'statement'",
    ),
    _case(
        "missing subject",
        MASS_FACT + "    statement: The rover weighs 2,263 pounds.\n    subject: rover\n",
        MASS_FACT + "    statement: The rover weighs 2,263 pounds.\n",
        MASS_AT,
        "fact mass",
        "missing field 'subject'",
    ),
    _case(
        "missing citations",
        '      - source: src\n        quote: "It weighs 2,263 pounds and has six wheels."\n',
        "",
        MASS_AT,
        "fact mass",
        "missing field 'citations'",
    ),
    _case(
        "statement as a list",
        "statement: The rover weighs 2,263 pounds.",
        "statement: [The rover weighs 2,263 pounds.]",
        MASS_AT,
        "fact mass",
        "'statement'",
        "must be str",
        "list",
    ),
    _case(
        "negated as a string",
        "negated: false",
        "negated: 'no'",
        MASS_AT,
        "fact mass",
        "'negated'",
        "true or false",
    ),
    _case(
        "unknown source",
        '      - source: src\n        quote: "It weighs',
        '      - source: nowhere\n        quote: "It weighs',
        "source: nowhere",
        "unknown source 'nowhere'",
    ),
    _case(
        "duplicate fact id",
        MASS_FACT,
        "  - id: landing\n",
        "- id: landing",
        "duplicate fact id 'landing'",
        nth=2,
    ),
    _case(
        "duplicate entity id",
        "{id: crater,",
        "{id: rover,",
        "{id: rover,",
        "duplicate entity id 'rover'",
        nth=2,
    ),
    _case(
        "impossible date",
        "date: 2021-02-18}",
        "date: 2021-02-30}",
        "date: 2021-02-30",
        "invalid date",
        "2021-02-30",
    ),
    _case(
        "relative date",
        "date: 2021-02-18}",
        "date: yesterday}",
        "date: yesterday",
        "invalid date",
        "yesterday",
    ),
    _case(
        "impossible source date",
        "date: 2021-02-19\n",
        "date: 2021-13-01\n",
        "- id: src",
        "source src",
        "invalid date",
    ),
    _case("unknown unit", "unit: lb}", "unit: stone}", "unit: stone", "unknown unit 'stone'"),
    _case(
        "unknown approx",
        "unit: lb}",
        "unit: lb, approx: roughly}",
        "approx: roughly",
        "unknown approx 'roughly'",
    ),
    _case(
        "approx as a list",
        "unit: lb}",
        "unit: lb, approx: [about]}",
        "approx: [about]",
        "unknown approx",
    ),
    _case(
        "unknown entity in values",
        "entity: crater}",
        "entity: gale-crater}",
        "entity: gale-crater",
        "unknown entity 'gale-crater'",
    ),
    _case(
        "unknown subject",
        "    subject: rover\n    values:\n      - {slot: landing date",
        "    subject: nobody\n    values:\n      - {slot: landing date",
        "- id: landing",
        "subject 'nobody'",
        "not a known entity",
    ),
    _case(
        "unknown part_of",
        "part_of: [mars]",
        "part_of: [venus]",
        "part_of: [venus]",
        "entity crater",
        "unknown entity 'venus'",
    ),
    _case(
        "quote not verbatim",
        'quote: "The rover landed on Feb. 18, 2021',
        'quote: "The rover landed on Feb. 19, 2021',
        "- source: src",
        "fact landing",
        "not found verbatim",
        "src.txt",
    ),
    _case(
        "empty quote",
        'quote: "It weighs 2,263 pounds and has six wheels."',
        'quote: "  "',
        "- source: src",
        "empty quote",
        nth=2,
    ),
    _case(
        "no citations",
        MASS_CITATIONS,
        "    citations: []\n",
        MASS_AT,
        "fact mass",
        "at least one citation",
    ),
    _case(
        "value not a mapping",
        "      - {slot: wheels, count: 6, noun: wheel}",
        "      - 6",
        MASS_AT,
        "fact mass",
        "value must be a mapping",
    ),
    _case(
        "two kinds in one value",
        "{slot: wheels, count: 6, noun: wheel}",
        "{slot: wheels, count: 6, ordinal: 6, noun: wheel}",
        "slot: wheels",
        "exactly one of",
    ),
    _case(
        "count without noun",
        "{slot: wheels, count: 6, noun: wheel}",
        "{slot: wheels, count: 6}",
        "slot: wheels",
        "needs a 'noun'",
    ),
    _case(
        "backwards range",
        "quantity: 2263, unit: lb}",
        "quantity: [2, 1], unit: lb}",
        "quantity: [2, 1]",
        "range",
        "backwards",
    ),
    _case(
        "infinite quantity",
        "quantity: 2263, unit: lb}",
        "quantity: [1, .inf], unit: lb}",
        "quantity: [1, .inf]",
        "not a finite number",
    ),
    _case(
        "duplicate key",
        "    subject: rover\n    negated: false\n",
        "    subject: rover\n    subject: crater\n    negated: false\n",
        "subject: crater",
        "duplicate key 'subject'",
    ),
    _case(
        "unknown entity kind",
        "{id: mars, kind: place,",
        "{id: mars, kind: world,",
        "{id: mars",
        "unknown kind 'world'",
    ),
    _case(
        "bad id", MASS_FACT, "  - id: Mass Fact\n", "- id: Mass Fact", "'Mass Fact'", "lower-case"
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "at", "nth", "words"), FIELD_CASES, ids=[c[0] for c in FIELD_CASES]
)
def test_bad_field_is_reported_on_its_line(
    tmp_path: Path, name: str, text: str, at: str, nth: int, words: tuple[str, ...]
) -> None:
    path = write_facts(tmp_path, text)
    assert_reported(problems_of(path), path, line_of(text, at, nth), *words)


def test_every_problem_is_reported_in_one_pass(tmp_path: Path) -> None:
    text = (
        GOOD.replace("unit: lb}", "unit: stone}")
        .replace("entity: crater}", "entity: gale-crater}")
        .replace(MASS_CITATIONS, "    citations: []\n")
    )
    path = write_facts(tmp_path, text)
    problems = problems_of(path)
    assert len(problems) == 3, problems
    assert_reported(problems, path, line_of(text, "unit: stone"), "unknown unit")
    assert_reported(problems, path, line_of(text, "entity: gale-crater"), "unknown entity")
    assert_reported(problems, path, line_of(text, MASS_AT), "at least one citation")


def test_quotes_are_checked_against_an_empty_source_file(tmp_path: Path) -> None:
    path = write_facts(tmp_path, GOOD, source="")
    problems = problems_of(path)
    assert_reported(problems, path, line_of(GOOD, "- source: src"), "not found verbatim")
    assert_reported(problems, path, line_of(GOOD, "- source: src", 2), "not found verbatim")


# --------------------------------------------------------------------------- source files


def test_missing_source_file(tmp_path: Path) -> None:
    path = write_facts(tmp_path, GOOD, source=None)
    problems = problems_of(path)
    assert_reported(problems, path, line_of(GOOD, "- id: src"), "source src", "'src.txt' not found")
    assert not any("verbatim" in p for p in problems), (
        "an unreadable source should not also fail every quote"
    )


def test_absolute_source_path_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(SOURCE_TEXT, encoding="utf-8")
    text = GOOD.replace("file: src.txt", f"file: {outside}")
    path = write_facts(tmp_path / "facts", text)
    assert_reported(
        problems_of(path), path, line_of(text, "- id: src"), "source src", "relative path"
    )


def test_source_path_escaping_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        SOURCE_TEXT, encoding="utf-8"
    )  # it exists: only the path is wrong
    text = GOOD.replace("file: src.txt", "file: ../x.txt")
    path = write_facts(tmp_path / "facts", text)
    assert_reported(
        problems_of(path),
        path,
        line_of(text, "- id: src"),
        "source src",
        "'../x.txt'",
        "leaves the facts file's folder",
    )


# --------------------------------------------------------------------------- the file itself


def test_unclosed_bracket_names_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("aliases: [Jezero]", "aliases: [Jezero")
    path = write_facts(tmp_path, text)
    (problem,) = problems_of(path)
    assert_reported(
        [problem], path, line_of(text, "aliases: [Jezero,"), "malformed YAML", "expected ',' or ']'"
    )


def test_bracket_left_open_across_lines_names_where_it_opened(tmp_path: Path) -> None:
    text = GOOD.replace("    negated: false\n", "    keywords: [weight, mass\n    negated: false\n")
    path = write_facts(tmp_path, text)
    (problem,) = problems_of(path)
    opened = line_of(text, "keywords: [weight, mass")
    assert_reported([problem], path, opened + 1, "malformed YAML", f"starts on line {opened}")


def test_empty_file(tmp_path: Path) -> None:
    path = write_facts(tmp_path, "")
    assert problems_of(path) == [f"{path}:1: the facts file is empty"]


def test_file_of_comments_only_is_empty(tmp_path: Path) -> None:
    path = write_facts(tmp_path, "# nothing yet\n\n")
    assert_reported(problems_of(path), path, 1, "empty")


def test_top_level_list(tmp_path: Path) -> None:
    path = write_facts(tmp_path, "- id: landing\n- id: mass\n")
    assert_reported(problems_of(path), path, 1, "top level must be a mapping", "list")


def test_top_level_without_facts(tmp_path: Path) -> None:
    path = write_facts(tmp_path, "version: 1\nsources: []\n")
    assert_reported(problems_of(path), path, 1, "'facts' must be a list")


def test_python_tag_is_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "MARKER"
    text = GOOD.replace(
        "title: A source", f'title: !!python/object/apply:os.system ["touch {marker}"]'
    )
    path = write_facts(tmp_path, text)
    (problem,) = problems_of(path)
    assert_reported(
        [problem],
        path,
        line_of(text, "!!python"),
        "tag not allowed",
        "python/object/apply:os.system",
    )
    assert not marker.exists()


@pytest.mark.parametrize(
    ("tagged", "words"),
    [("!!int many", ("invalid int", "many")), ("!!float lots", ("invalid float", "lots"))],
)
def test_bad_explicit_tag_is_a_yaml_error_not_a_crash(
    tmp_path: Path, tagged: str, words: tuple[str, ...]
) -> None:
    text = GOOD.replace("quantity: 2263,", f"quantity: {tagged},")
    path = write_facts(tmp_path, text)
    assert_reported(problems_of(path), path, line_of(text, tagged), "malformed YAML", *words)


BILLION_LAUGHS = "\n".join(
    ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 9) + "]" for i in range(1, 10)]
    + ["sources: *lol9", "entities: *lol9", "facts: *lol9", ""]
)
LOAD_ONE = """
import sys
from percycheck.facts import FactsError, load_facts
try:
    load_facts(sys.argv[1])
except FactsError as exc:
    print("\\n".join(exc.problems))
else:
    print("loaded")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource limits")
def test_alias_bomb_is_refused_without_exhausting_memory(tmp_path: Path) -> None:
    """9 levels of 9 aliases expand to 9**10 strings; loading must neither blow up nor hang.

    The load runs in a child capped at 1 GiB of address space (an expanded bomb needs far
    more), so a regression fails with MemoryError instead of taking the machine down.
    """
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    path = write_facts(tmp_path, BILLION_LAUGHS)
    done = subprocess.run(
        [sys.executable, "-c", LOAD_ONE, str(path)],
        capture_output=True,
        text=True,
        preexec_fn=cap,
        timeout=600,
        check=False,  # watchdog only
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(f"{path}:"), done.stdout
    assert "aliases" in done.stdout and "refused" in done.stdout


def test_missing_facts_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert problems_of(path) == [f"{path}: no such facts file"]


def test_directory_as_facts_file(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [f"{tmp_path}: is a directory, not a facts file"]  # no line 0: the file has none


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    data = GOOD.encode("utf-8").replace(b"publisher: Somebody", b"publisher: Some\xffbody")
    path = write_facts(tmp_path, data)
    assert problems_of(path) == [f"{path}:{line_of(GOOD, 'publisher: Somebody')}: not valid UTF-8"]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write_facts(tmp_path, "\ufeff".encode() + GOOD.encode("utf-8"))
    assert len(load_facts(path).facts) == 2


# --------------------------------------------------------------------------- the command line
# Through main(argv), the installed entry point: it maps every error to its exit status itself
# (CliRunner on `command` gives the same statuses; main is what a user runs).

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    monkeypatch.chdir(tmp_path)  # no project configuration from the checkout
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def test_cli_validates_the_builtin_facts(run: Run) -> None:
    path = builtin_facts_path()
    base = load_facts(path)
    status, out, err = run("--validate-facts", str(path))
    assert status == 0, err
    assert err == ""
    assert (
        "valid" in out
        and f"{len(base.facts)} facts" in out
        and f"{len(base.sources)} sources" in out
    )


def _bad_file(tmp_path: Path) -> tuple[Path, list[str]]:
    text = GOOD.replace("unit: lb}", "unit: stone}").replace(
        "entity: crater}", "entity: gale-crater}"
    )
    path = write_facts(tmp_path / "bad", text)
    problems = problems_of(path)
    assert len(problems) == 2
    return path, problems


def test_cli_reports_each_problem_on_its_own_line(run: Run, tmp_path: Path) -> None:
    path, problems = _bad_file(tmp_path)
    status, out, err = run("--validate-facts", str(path))
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == len(problems), err
    for line, problem in zip(lines, problems, strict=True):
        assert line.endswith(problem), (line, problem)
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param("facts: [a, b\n", 2, id="malformed"),
        pytest.param("", 1, id="empty"),
        pytest.param(b"x: \xff\n", 1, id="not-utf8"),
    ],
)
def test_cli_validate_rejects_unreadable_files(
    run: Run, tmp_path: Path, text: str | bytes, line: int
) -> None:
    path = write_facts(tmp_path, text)
    status, out, err = run("--validate-facts", str(path))
    assert status == 2
    (message,) = err.splitlines()
    assert f"{path}:{line}: " in message
    assert "Traceback" not in err and out == ""


def test_cli_check_with_bad_facts_file_fails_in_one_line(run: Run, tmp_path: Path) -> None:
    path, problems = _bad_file(tmp_path)
    status, out, err = run("--facts", str(path), "The rover weighs 2,263 pounds.")
    assert status == 2
    assert out == ""
    (line,) = err.splitlines()
    assert problems[0] in line and line.endswith("(and 1 more problem)")
    assert "Traceback" not in err


def test_cli_check_with_missing_facts_file(run: Run, tmp_path: Path) -> None:
    status, out, err = run("--facts", str(tmp_path / "nope.yaml"), "The rover weighs 2,263 pounds.")
    assert status == 2
    (line,) = err.splitlines()
    assert "nope.yaml" in line and "no such facts file" in line


def test_dates_in_yaml_are_dates_not_strings(tmp_path: Path) -> None:
    """A YAML date and a quoted ISO string load the same; the raw date never leaks."""
    quoted = load_facts(
        write_facts(tmp_path / "q", GOOD.replace("date: 2021-02-19", 'date: "2021-02-19"'))
    ).sources["src"]
    plain = load_facts(write_facts(tmp_path / "p", GOOD)).sources["src"]
    assert quoted.date == plain.date == dt.date(2021, 2, 19).isoformat()


def test_cli_checks_claims_against_a_valid_custom_file(run: Run, tmp_path: Path) -> None:
    path = write_facts(tmp_path / "good", GOOD)
    status, out, _ = run("--facts", str(path), "The rover weighs 2,263 pounds.")
    assert (status, out.split(":")[0]) == (0, "supported")
    status, out, _ = run("--facts", str(path), "The rover weighs 3,263 pounds.")
    assert (status, out.split(":")[0]) == (1, "contradicted")
