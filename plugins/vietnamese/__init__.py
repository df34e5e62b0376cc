from .vietnamese import *  # noqa: F401,F403
