from .legacy_links import *  # noqa: F401,F403
