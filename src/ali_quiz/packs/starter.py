"""`ali-quiz new-pack PATH`: a commented starter pack that validates and plays as it is."""

from __future__ import annotations

import re
from pathlib import Path

STARTER = """\
# A starter pack for ali-quiz. It validates and plays as it is: change it into yours.
#   check it:      ali-quiz validate {filename}     (add --watch to re-check on every save)
#   try a round:   ali-quiz play --pack {filename}
#   share it:      ali-quiz packs add {filename}
# The full format, with every field, is in docs/packs.md.
# Indent with spaces, never tabs. Every `source:` should be the sentence your facts come from,
# copied word for word: players see it after each answer.

id: {pack_id}                 # lowercase letters, digits and hyphens
title: The Space Race
language: en                  # a language tag: en, zh-Hant, de ...
author: Your Name
citation: "Your article, its author and date"
version: 1

# Events: dated happenings. A date is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.
events:
  - id: sputnik
    date: 1957-10-04
    title: Sputnik 1 is launched
    source: "On 4 October 1957 the Soviet Union launched Sputnik 1, the first artificial satellite."
  - id: gagarin
    date: 1961-04-12
    title: Yuri Gagarin orbits the Earth
    source: "On 12 April 1961 Yuri Gagarin became the first person to travel into space."
  - id: kennedy-speech
    date: 1962-09-12
    title: Kennedy's "We choose to go to the Moon" speech
    source: "On 12 September 1962 President Kennedy told a crowd at Rice University: we choose to go to the Moon."
  - id: tereshkova
    date: 1963-06-16
    title: Valentina Tereshkova flies into space
    source: "On 16 June 1963 Valentina Tereshkova became the first woman in space."
  - id: leonov-spacewalk
    date: 1965-03-18
    title: Alexei Leonov makes the first spacewalk
    source: "On 18 March 1965 Alexei Leonov left his Voskhod 2 capsule: the first spacewalk."
  - id: luna-9
    date: 1966-02-03
    title: Luna 9 lands softly on the Moon
    source: "On 3 February 1966 the Soviet probe Luna 9 made the first soft landing on the Moon."

# States: situations your source reports as holding on a date (they began earlier and may go
# on). They are never put in order or asked "when did it happen", only "as of when".
states:
  - id: no-moonwalk-since
    as_of: 2024
    title: No one has walked on the Moon since Apollo 17
    source: "As of 2024, no one has walked on the Moon since Apollo 17 left it in December 1972."

# Versions: releases of a product (here: missions of a programme). `date` is optional:
# leave it out when your source gives none. Quote version numbers ("11") so they stay text.
versions:
  - id: apollo-8
    product: Apollo
    version: "8"
    date: 1968-12
    highlights: [first crewed flight around the Moon]
    source: "In December 1968 Apollo 8 carried three astronauts around the Moon and back."
  - id: apollo-11
    product: Apollo
    version: "11"
    date: 1969-07-20
    highlights: [first crewed Moon landing]
    source: "On 20 July 1969 Apollo 11 landed on the Moon."
  - id: apollo-17
    product: Apollo
    version: "17"
    date: 1972-12
    highlights: [last crewed Moon landing]
    source: "Apollo 17, in December 1972, was the last crewed landing on the Moon."

# Metrics: figures, with the value as the source writes it (2億, 7610.2萬, 6%, 3.8 all work),
# a unit that is a word (never a multiplier), and optionally as_of and tolerance. A whole
# number under 10 (or a rank: unit place/位) is asked as a choice of nearby values, never as an
# estimate. Any fact may carry `ask:`, its own question, when the template reads badly.
metrics:
  - id: moonwalkers
    label: People who have walked on the Moon
    value: "12"
    unit: people
    source: "Twelve astronauts walked on the Moon between 1969 and 1972."
  - id: apollo-crew
    label: Astronauts on an Apollo mission
    value: "3"
    unit: people
    tolerance: 0
    source: "Each Apollo mission carried a crew of three."
  - id: moon-distance
    label: Average distance from the Earth to the Moon
    value: 384400
    unit: km
    tolerance: 0.1
    source: "The Moon is on average 384,400 km from the Earth."
  - id: apollo-11-hours
    label: Length of the Apollo 11 mission, from launch to splashdown
    ask: How many hours did the Apollo 11 mission last, from launch to splashdown?
    value: 195
    unit: hours
    source: "The Apollo 11 mission lasted about 195 hours, from launch to splashdown."

# Sequences: an order without dates. Items of the same rank are ties.
sequences:
  - id: nasa-programmes
    title: NASA's crewed programmes
    source: "NASA's first crewed programmes were Mercury, then Gemini, then Apollo."
    items:
      - {{id: mercury, text: Mercury, rank: 1}}
      - {{id: gemini, text: Gemini, rank: 2}}
      - {{id: apollo, text: Apollo, rank: 3}}

# Questions you write yourself mix in with the generated ones.
questions:
  - id: q-eagle
    kind: text
    prompt: What was the name of Apollo 11's lunar module?
    accepted: [Eagle, the Eagle]
    explanation: "The lunar module Eagle landed in the Sea of Tranquillity."
  - id: q-first-satellite
    kind: choice
    prompt: Which was the first artificial satellite?
    facts: [sputnik]
    options:
      - {{text: Sputnik 1, correct: true}}
      - {{text: Explorer 1}}
      - {{text: Vanguard 1}}
"""


def starter_text(path: Path) -> str:
    """The starter pack, its id taken from the file name."""
    pack_id = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "my-pack"
    if pack_id.startswith("dingtalk-2020"):
        pack_id = f"my-{pack_id}"
    return STARTER.format(pack_id=pack_id, filename=path.name)


def write_starter(path: Path) -> Path:
    """Write the starter pack and return where (`.yaml` added when the name has no suffix).

    FileExistsError rather than overwrite anything.
    """
    if path.suffix not in (".yaml", ".yml"):
        path = path.with_suffix(".yaml") if not path.suffix else path
    from ali_quiz.safety.files import atomic_write

    # Whole or not at all (a full disk leaves no empty pack), never over an existing file,
    # never through a symbolic link.
    return atomic_write(path, starter_text(path))
