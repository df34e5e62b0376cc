from .archive_structure import *  # noqa: F401,F403
