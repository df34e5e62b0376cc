from .build_errors import *  # noqa: F401,F403
