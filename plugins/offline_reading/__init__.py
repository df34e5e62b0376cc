from .offline_reading import *  # noqa: F401,F403
