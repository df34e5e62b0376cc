from .reproducible import *  # noqa: F401,F403
