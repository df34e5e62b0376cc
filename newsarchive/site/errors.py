"""A failed build in one Vietnamese line: what failed and where, never a traceback."""

from __future__ import annotations

import errno


class BuildFailure(RuntimeError):
    """A build step that cannot go on; its message is already the one line a user reads."""


_REASONS = {
    errno.ENOSPC: "ổ đĩa đầy",
    errno.EDQUOT: "hết hạn mức dung lượng",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.ENOENT: "không có thư mục hoặc tệp",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EFBIG: "tệp vượt quá kích thước cho phép",
}


def reason(error: OSError) -> str:
    """``OSError`` -> "ổ đĩa đầy (No space left on device)"."""
    said = _REASONS.get(error.errno or 0)
    plain = error.strerror or str(error)
    return f"{said} ({plain})" if said else plain


def cannot_write(what, error: OSError) -> BuildFailure:
    """The failure of writing ``what`` (a path or a description)."""
    where = error.filename or what
    return BuildFailure(f"không ghi được {where}: {reason(error)}")


def one_line(error: BaseException) -> str:
    """What a user reads about a build that stopped on ``error``."""
    if isinstance(error, BuildFailure):
        return str(error)
    if isinstance(error, OSError):
        return f"không ghi hoặc đọc được {error.filename or 'một tệp'}: {reason(error)}"
    return f"{type(error).__name__}: {error} (chạy pelican với --debug để xem chi tiết)"
