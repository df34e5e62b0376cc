"""What the archivist sees on a terminal: a progress bar on large batches and a
summary table at the end. Used only when standard output is a terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

LARGE_BATCH = 20       # fewer files than this finish before a bar is worth drawing
STATUS_NAMES = {"written": "đã ghi", "unchanged": "không đổi", "duplicate": "trùng lặp",
                "quarantined": "cách ly"}
MEDIA_NAMES = {"copied": "đã chép", "duplicate": "trùng (đã có)", "missing": "thiếu (bản lưu không có)",
               "refused": "từ chối", "unused": "không bài nào dùng"}


def _has_media(counts: dict[str, dict[str, int]]) -> bool:
    return any(sum(by_status.values()) for by_status in counts.values())


def media_line(report) -> str | None:
    """One line of what became of the batch's pictures and documents, or None when it had none."""
    counts = report.media_counts
    if not _has_media(counts):
        return None
    parts = []
    for kind, name in (("image", "Ảnh"), ("attachment", "Văn bản đính kèm")):
        shown = ", ".join(f"{MEDIA_NAMES[status]} {count}" for status, count in counts[kind].items() if count)
        parts.append(f"{name}: {shown or 'không có'}")
    return "; ".join(parts) + "."


def with_progress(run):
    """Call ``run(progress)``, drawing a bar once the batch turns out to be large."""
    bar = Progress(TextColumn("Đang nhập"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   transient=True)
    task = None

    def progress(done: int, total: int) -> None:
        nonlocal task
        if total < LARGE_BATCH:
            return
        if task is None:
            bar.start()
            task = bar.add_task("ingest", total=total)
        bar.update(task, completed=done)

    try:
        return run(progress)
    finally:
        if task is not None:
            bar.stop()


def print_summary(report, console: Console | None = None) -> None:
    console = console or Console()
    counts = report.counts
    table = Table(title="Kết quả nhập bài")
    table.add_column("Trạng thái")
    table.add_column("Số tệp", justify="right")
    for status, name in STATUS_NAMES.items():
        table.add_row(name, str(counts[status]))
    table.add_row("tổng", str(counts["total"]), style="bold")
    console.print(table)
    reasons = Counter((e.reason or "").split(" (")[0] for e in report.inputs if e.status == "quarantined")
    if reasons:
        why = Table(title="Lý do cách ly")
        why.add_column("Lý do")
        why.add_column("Số tệp", justify="right")
        for reason, count in reasons.most_common():
            why.add_row(reason, str(count))
        console.print(why)
    media = report.media_counts
    if _has_media(media):
        table = Table(title="Ảnh và văn bản đính kèm")
        table.add_column("Trạng thái")
        table.add_column("Ảnh", justify="right")
        table.add_column("Văn bản", justify="right")
        for status, name in MEDIA_NAMES.items():
            table.add_row(name, str(media["image"][status]), str(media["attachment"][status]))
        console.print(table)
