from .photos import *  # noqa: F401,F403
