"""One module per subcommand, each with ``add_parser(subparsers)`` setting ``func``.

Add a subcommand by adding its module name to ``COMMANDS``.
"""

COMMANDS = ("ingest", "check", "new", "tags")
