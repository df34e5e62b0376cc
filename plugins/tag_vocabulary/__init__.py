from .tag_vocabulary import *  # noqa: F401,F403
