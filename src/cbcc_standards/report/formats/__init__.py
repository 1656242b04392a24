"""The built-in output formats, each a plugin registering a :class:`~cbcc_standards.report.Renderer` through the
``cbcc_register_renderers`` hook: ``text``, ``json``, ``jsonl``, ``csv``, ``html`` (needs the ``html`` extra) and
``xlsx`` (needs the ``excel`` extra)."""
