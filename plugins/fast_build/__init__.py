from .fast_build import *  # noqa: F401,F403
