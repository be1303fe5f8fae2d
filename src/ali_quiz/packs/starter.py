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
  # A fact may also be written in braces, on one or two lines: then quote any text that holds
  # a comma, a colon or a #.
  - {{id: sputnik-2, date: 1957-11-03, title: Sputnik 2 carries the first animal into orbit,
     source: "On 3 November 1957 Sputnik 2 carried the dog Laika into orbit."}}
  - {{id: explorer-1, date: 1958-01-31, title: "Explorer 1, the first American satellite, is launched",
     source: "On 31 January 1958 the United States launched Explorer 1, its first satellite."}}
  - {{id: nasa, date: 1958-10-01, title: NASA begins operations,
     source: "NASA began operations on 1 October 1958."}}
  - {{id: shepard, date: 1961-05-05, title: Alan Shepard becomes the first American in space,
     source: "On 5 May 1961 Alan Shepard became the first American in space, aboard Freedom 7."}}
  - {{id: glenn, date: 1962-02-20, title: John Glenn becomes the first American to orbit the Earth,
     source: "On 20 February 1962 John Glenn became the first American to orbit the Earth, aboard Friendship 7."}}
  - {{id: ed-white, date: 1965-06-03, title: Ed White makes the first American spacewalk,
     source: "On 3 June 1965 Ed White, of Gemini 4, made the first American spacewalk."}}
  - {{id: apollo-1-fire, date: 1967-01-27, title: A fire kills the crew of Apollo 1 during a launch rehearsal,
     source: "On 27 January 1967 a fire during a launch rehearsal killed the three astronauts of Apollo 1."}}
  - {{id: salyut-1, date: 1971-04-19, title: "Salyut 1, the first space station, is launched",
     source: "On 19 April 1971 the Soviet Union launched Salyut 1, the first space station."}}
  - {{id: apollo-soyuz, date: 1975-07-17, title: An Apollo and a Soyuz spacecraft dock in orbit,
     source: "On 17 July 1975 an American Apollo and a Soviet Soyuz spacecraft docked in orbit."}}
  - {{id: viking-1, date: 1976-07-20, title: Viking 1 lands on Mars,
     source: "On 20 July 1976 Viking 1 became the first American probe to land on Mars."}}
  - {{id: voyager-1, date: 1977-09-05, title: Voyager 1 is launched,
     source: "On 5 September 1977 NASA launched Voyager 1."}}
  - {{id: sts-1, date: 1981-04-12, title: The first Space Shuttle flight lifts off,
     source: "On 12 April 1981 Columbia lifted off on the first Space Shuttle flight."}}
  - {{id: hubble, date: 1990-04-24, title: The Hubble Space Telescope is launched,
     source: "On 24 April 1990 the Space Shuttle Discovery launched the Hubble Space Telescope."}}
  - {{id: zarya, date: 1998-11-20, title: "Zarya, the first module of the International Space Station, is launched",
     source: "On 20 November 1998 Zarya, the first module of the International Space Station, was launched."}}
  - {{id: expedition-1, date: 2000-11-02, title: The first crew arrives at the International Space Station,
     source: "On 2 November 2000 the first crew arrived at the International Space Station."}}
  - {{id: yang-liwei, date: 2003-10-15, title: Yang Liwei becomes China's first astronaut in space,
     source: "On 15 October 2003 Yang Liwei, aboard Shenzhou 5, became China's first astronaut in space."}}
  - {{id: curiosity, date: 2012-08-06, title: The rover Curiosity lands on Mars,
     source: "On 6 August 2012 the rover Curiosity landed in Gale Crater on Mars."}}
  - {{id: jwst, date: 2021-12-25, title: The James Webb Space Telescope is launched,
     source: "On 25 December 2021 the James Webb Space Telescope was launched on an Ariane 5 rocket."}}

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
  - {{id: apollo-12, product: Apollo, version: "12", date: 1969-11, highlights: [second crewed Moon landing],
     source: "In November 1969 Apollo 12 made the second crewed landing on the Moon."}}
  - {{id: apollo-13, product: Apollo, version: "13", date: 1970-04, highlights: [landing given up after an oxygen tank exploded],
     source: "In April 1970 an oxygen tank exploded on Apollo 13: the crew gave up the landing and came home safely."}}
  - {{id: apollo-15, product: Apollo, version: "15", date: 1971-07, highlights: [first drive on the Moon in a Lunar Roving Vehicle],
     source: "In July 1971 Apollo 15 astronauts drove on the Moon in the first Lunar Roving Vehicle."}}

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
  - {{id: apollo-landings, label: Apollo missions that landed on the Moon, value: "6", unit: missions,
     source: "Six Apollo missions landed on the Moon, from Apollo 11 to Apollo 17."}}
  - {{id: mercury-flights, label: Crewed flights of Project Mercury, value: "6", unit: flights,
     source: "Project Mercury made six crewed flights, from 1961 to 1963."}}
  - {{id: gagarin-minutes, label: Length of Gagarin's flight, value: 108, unit: minutes,
     source: "Gagarin's flight lasted 108 minutes."}}
  - {{id: leonov-minutes, label: Length of the first spacewalk, value: 12, unit: minutes,
     source: "Leonov's spacewalk lasted about 12 minutes."}}
  - {{id: tereshkova-orbits, label: Orbits of the Earth on Tereshkova's flight, value: 48, unit: orbits,
     source: "Tereshkova orbited the Earth 48 times in almost three days."}}
  - {{id: sputnik-mass, label: Mass of Sputnik 1, value: 83.6, unit: kg,
     source: "Sputnik 1 weighed 83.6 kg."}}
  - {{id: moon-rocks, label: Moon rock and soil brought back by the Apollo landings, value: 382, unit: kg,
     source: "The six Apollo landings brought back 382 kg of Moon rock and soil."}}
  - {{id: saturn-v-height, label: Height of the Saturn V rocket, value: 110.6, unit: metres,
     source: "The Saturn V rocket stood 110.6 metres tall."}}
  - {{id: hubble-mirror, label: Width of Hubble's main mirror, value: 2.4, unit: metres,
     source: "Hubble's main mirror is 2.4 metres across."}}
  - {{id: moon-diameter, label: Diameter of the Moon, value: 3474, unit: km,
     source: "The Moon is 3,474 km across."}}
  - {{id: white-minutes, label: Length of the first American spacewalk, value: 23, unit: minutes,
     source: "Ed White's spacewalk lasted about 23 minutes."}}
  - {{id: explorer-mass, label: Mass of Explorer 1, value: 14, unit: kg,
     source: "Explorer 1 weighed about 14 kg."}}
  - {{id: orbiter-length, label: Length of a Space Shuttle orbiter, value: 37, unit: metres,
     source: "A Space Shuttle orbiter was 37 metres long."}}
  - {{id: iss-altitude, label: Height of the International Space Station's orbit above the Earth, value: 400, unit: km, tolerance: 0.1,
     source: "The International Space Station orbits about 400 km above the Earth."}}

# Sequences: an order without dates. Items of the same rank are ties.
sequences:
  - id: nasa-programmes
    title: NASA's crewed programmes
    source: "NASA's crewed programmes came in this order: Mercury, Gemini, Apollo, Skylab, then the Space Shuttle."
    items:
      - {{id: mercury, text: Mercury, rank: 1}}
      - {{id: gemini, text: Gemini, rank: 2}}
      - {{id: apollo, text: Apollo, rank: 3}}
      - {{id: skylab, text: Skylab, rank: 4}}
      - {{id: space-shuttle, text: Space Shuttle, rank: 5}}
  - id: planets
    title: The planets, from the Sun outwards
    source: "In order from the Sun, the planets are Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune."
    items:
      - {{id: planet-mercury, text: Mercury, rank: 1}}
      - {{id: venus, text: Venus, rank: 2}}
      - {{id: earth, text: Earth, rank: 3}}
      - {{id: mars, text: Mars, rank: 4}}
      - {{id: jupiter, text: Jupiter, rank: 5}}
      - {{id: saturn, text: Saturn, rank: 6}}
      - {{id: uranus, text: Uranus, rank: 7}}
      - {{id: neptune, text: Neptune, rank: 8}}

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
  - id: q-laika
    kind: text
    prompt: What was the name of the dog that Sputnik 2 carried into orbit?
    accepted: [Laika]
    explanation: "On 3 November 1957 Sputnik 2 carried the dog Laika into orbit."
  - id: q-second-moonwalker
    kind: text
    prompt: Who was the second person to walk on the Moon?
    accepted: [Buzz Aldrin, Aldrin, Edwin Aldrin]
    explanation: "Buzz Aldrin followed Neil Armstrong onto the Moon on 21 July 1969 (UTC)."
  - id: q-vostok
    kind: choice
    prompt: In which spacecraft did Yuri Gagarin fly?
    facts: [gagarin]
    options:
      - {{text: Vostok 1, correct: true}}
      - {{text: Voskhod 1}}
      - {{text: Soyuz 1}}
      - {{text: Salyut 1}}
  - id: q-tranquillity
    kind: choice
    prompt: Where on the Moon did Apollo 11 land?
    options:
      - {{text: The Sea of Tranquillity, correct: true}}
      - {{text: The Ocean of Storms}}
      - {{text: The Sea of Serenity}}
      - {{text: The Sea of Crises}}
  - id: q-first-shuttle
    kind: choice
    prompt: Which orbiter flew the first Space Shuttle mission?
    options:
      - {{text: Columbia, correct: true}}
      - {{text: Challenger}}
      - {{text: Discovery}}
      - {{text: Atlantis}}
  - id: q-houston
    kind: choice
    prompt: Which mission's crew radioed “Houston, we've had a problem”?
    options:
      - {{text: Apollo 13, correct: true}}
      - {{text: Apollo 11}}
      - {{text: Apollo 12}}
      - {{text: Gemini 8}}
  - id: q-tereshkova-craft
    kind: choice
    prompt: In which spacecraft did Valentina Tereshkova fly?
    facts: [tereshkova]
    options:
      - {{text: Vostok 6, correct: true}}
      - {{text: Vostok 1}}
      - {{text: Voskhod 2}}
      - {{text: Soyuz 1}}
  - id: q-mir
    kind: choice
    prompt: Which space station did the Soviet Union begin to build in 1986?
    options:
      - {{text: Mir, correct: true}}
      - {{text: Salyut 7}}
      - {{text: Skylab}}
      - {{text: Tiangong 1}}
    explanation: "The first module of the space station Mir was launched in February 1986."
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
