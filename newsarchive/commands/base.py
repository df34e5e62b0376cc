"""What every subcommand shares: exit codes and the usage error."""

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong arguments or inputs: exit 2 with the message."""
