from .archive_reader import *  # noqa: F401,F403
