"""Text processing on which every later stage builds.

- :mod:`.normalise` — the normalised view of a document with its offset map to the original;
- :mod:`.boilerplate` — patterns for text that is not content (licence footers);
- :mod:`.language` — Chinese, English or bilingual, per line and per document;
- :mod:`.sentences` — sentence spans for Chinese and English;
- :mod:`.tokens` — search tokens shared by documents and queries.

Nothing is imported here so that ``import zhengce.text.language`` does not load rjieba.
"""
