"""The history screen: a player's rounds, summary, recent scores and weakest facts.

`screen` holds the screen, `view` its pieces (filters, the summary panel), `changes` deleting
and exporting, `detail` one round's answers.
"""
