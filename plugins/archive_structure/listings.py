"""Every listing that grows, written with date-stable pages (see ``pagination``).

Home, tags, categories, authors and portals are written here instead of by
Pelican's own paginator (whose page N shifts with every new article). The year
and month archives, stable by nature, are written here too, one page each, in
place of Pelican's (``YEAR_ARCHIVE_SAVE_AS`` and ``MONTH_ARCHIVE_SAVE_AS`` empty),
which match each period's articles against a list of them all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .pagination import chronological, numbered_url, stable_pages
from .timeline import year_chart


@dataclass(frozen=True)
class Portal:
    """A source portal, shaped like Pelican's Tag/Category for the templates."""

    slug: str
    name: str
    url: str

    def __str__(self) -> str:
        return self.name


def portals_of(articles, names: dict, url_pattern: str) -> list[tuple[Portal, list]]:
    grouped: dict[str, list] = defaultdict(list)
    for article in articles:
        portal_id = getattr(article, "portal", None)
        if portal_id:
            grouped[portal_id].append(article)
    return [(Portal(pid, names.get(pid, pid), url_pattern.format(slug=pid)), members)
            for pid, members in sorted(grouped.items())]


def listings(generator, options: dict, portals) -> list[tuple[str, str, object, list]]:
    """(template, variable name, term, articles) for each growing listing."""
    found = [("index", None, None, list(generator.articles))]
    found += [("tag", "tag", tag, members) for tag, members in generator.tags.items()]
    found += [("category", "category", cat, members) for cat, members in generator.categories]
    found += [("author", "author", author, members) for author, members in generator.authors]
    found += [("portal", "portal", portal, members) for portal, members in portals]
    return found


def term_chart(members, options: dict, base: str):
    """A term's articles per year (``members`` oldest first); each bar links to the numbered page
    holding that year's newest article (numbered pages are stable, so the link is too)."""
    size, pattern = options["page_size"], options["page_url"]
    return year_chart(members, lambda year, index: numbered_url(pattern, base, index // size + 1), ordered=True)


def write_listings(generator, writer, options: dict, portals) -> None:
    relative = generator.settings["RELATIVE_URLS"]
    for template_name, variable, term, members in listings(generator, options, portals):
        base = term.url if term is not None else ""
        template = generator.get_template(template_name)
        extra = {variable: term} if variable else {}
        members = chronological(members)   # sorted once, for the pages and the chart
        for page in stable_pages(members, options["page_size"], base, options["page_url"], ordered=True):
            # The chart depends on every article of the term: only the front page, which changes
            # with them anyway, shows it; a full numbered page keeps its bytes.
            chart = {"timeline": term_chart(members, options, base)} if variable and page.is_front else {}
            writer.write_file(
                page.save_as, template, generator.context, relative_urls=relative,
                url=page.url, template_name=template_name, blog=True,
                listing=page, articles=page.items, articles_page=None, **extra, **chart,
            )


def periods(articles) -> list[tuple[tuple[int, ...], list]]:
    """((year,) or (year, month), the period's articles in the order given), newest period first
    within each granularity, years before months (the order Pelican writes them in)."""
    years: dict[tuple, list] = defaultdict(list)
    months: dict[tuple, list] = defaultdict(list)
    for article in articles:
        years[(article.date.year,)].append(article)
        months[(article.date.year, article.date.month)].append(article)
    return [*sorted(years.items(), reverse=True), *sorted(months.items(), reverse=True)]


def period_archives(articles, options: dict) -> list[tuple[tuple[int, ...], list, str]]:
    """(period, its articles, its URL) of every year and month archive."""
    return [(period_num, members, (options["year_url"] if len(period_num) == 1 else options["month_url"])
             .format(date=members[0].date)) for period_num, members in periods(articles)]


def write_period_archives(generator, writer, options: dict) -> None:
    """/YYYY/ and /YYYY/MM/ with what the template shows: the period and its articles."""
    template = generator.get_template("period_archives")
    for period_num, members, url in getattr(generator, "archive_periods", None) or []:
        writer.write_file(url + "index.html", template, generator.context,
                          relative_urls=generator.settings["RELATIVE_URLS"], url=url,
                          template_name="period_archives", blog=True, period_num=period_num, articles=members)


def write_portal_index(generator, writer, options: dict, portals) -> None:
    url = options["portals_url"]
    writer.write_file(
        url + "index.html", generator.get_template("portals"), generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"], url=url, template_name="portals",
        portals=portals,
    )
