// Pagefind over the archive's shards. plugins/pagefind_search writes one index
// per shard (a year by default), one more small index of the newest articles
// ("recent"), and pagefind/shards.json. A search asks "recent" first (its
// results show at once, from a few hundred kilobytes), then all shards merged
// into one Pagefind instance (mergeIndex), whose answer replaces the first.
import { holdsEvery, isQuoted, queryTerms, tidy } from "./search-text.js";

const SHARD = "shard"; // synthetic filter naming each page's shard
const CHECKED = 10;    // results whose text is checked for the words typed (the first screen)

export class Archive {
  constructor(manifestUrl, siteBase) {
    this.manifestUrl = new URL(manifestUrl, window.location.href);
    this.siteBase = siteBase;
    this.instances = new Map();
    this.manifest = null;
    this.module = null;
  }

  async load() {
    if (!this.manifest) {
      const response = await fetch(this.manifestUrl);
      if (!response.ok) throw new Error(`${this.manifestUrl}: ${response.status}`);
      this.manifest = await response.json();
    }
    return this.manifest;
  }

  // Groups of shards searched one after the other, each answer complete for its group:
  // [recent], then every shard; with a year filter, only that year's shards.
  async tiers(years) {
    const { recent, shards } = await this.load();
    if (years.length) return [shards.filter((s) => years.some((y) => s.key.startsWith(y)))].filter((t) => t.length);
    return recent ? [[recent], shards] : [shards];
  }

  // Open the first tier's index while the reader is still typing (script, wasm, metadata);
  // a failure here is reported by the search that needs it.
  warm() {
    this.tiers([]).then((tiers) => tiers.length && this.instance(tiers[0])).catch(() => {});
  }

  async instance(tier) {
    const key = tier.map((s) => s.key).join(",");
    if (!this.instances.has(key)) this.instances.set(key, this.open(tier));
    return this.instances.get(key);
  }

  async open(tier) {
    const url = (shard) => new URL(shard.path, this.manifestUrl).href;
    if (!this.module) this.module = await import(new URL("pagefind.js", this.manifestUrl).href);
    // No web worker: one script less to download (41 KB), and a search takes milliseconds.
    // Every page gets a synthetic "shard" filter (mergeFilter): see searchNewest().
    const shardFilter = (shard) => ({ mergeFilter: { [SHARD]: shard.key } });
    const pagefind = this.module.createInstance({ basePath: url(tier[0]), noWorker: true, ...shardFilter(tier[0]) });
    await pagefind.options({ baseUrl: this.siteBase, excerptLength: 0 });
    await Promise.all(tier.slice(1).map((shard) => pagefind.mergeIndex(url(shard), shardFilter(shard))));
    // Filter lists load beside the first search, not before it; later searches return counts.
    pagefind.filtersLoaded = pagefind.filters();
    return pagefind;
  }

  // Yields an answer per tier, the last one complete: {results, filters, total, done}.
  async *search(query, { filters = {}, sort = "relevance" } = {}) {
    const options = { filters: pagefindFilters(filters) };
    if (sort === "newest") options.sort = { date: "desc" };
    const tiers = await this.tiers(filters.year || []);
    for (const [index, tier] of tiers.entries()) {
      const pagefind = await this.instance(tier);
      const last = index === tiers.length - 1;
      if (last) await pagefind.filtersLoaded; // the complete answer carries the counts
      const answer = sort === "newest" && tier.length > 1
        ? await searchNewest(pagefind, tier, query, options)
        : await searchTier(pagefind, query, options, last ? "complete" : "preview");
      yield { ...order(answer, sort), done: last };
    }
    if (!tiers.length) yield { results: [], filters: {}, total: 0, done: true };
  }
}

// Checked values of one facet match any of them (a page has one year, portal, category).
function pagefindFilters(filters) {
  const out = {};
  for (const [name, values] of Object.entries(filters)) if (values.length) out[name] = { any: values };
  return out;
}

// One Pagefind query for a tier. With several syllables, a result whose matched words
// include a run as long as the query has them standing together ("hội nghị", not
// "hội ... nghị"): together results rank first, and a "quoted" query keeps only them.
// `check`: "complete" (the last tier), "preview" (a first tier: noise is dropped, not kept), or false.
async function searchTier(pagefind, query, options, check = "complete") {
  const q = tidy(query);
  const syllables = q.replace(/"/g, " ").trim().split(/\s+/).filter(Boolean);
  const text = q ? syllables.join(" ") : null;
  let answer = await pagefind.search(text, options);
  const shards = check ? await shardsWithEveryWord(pagefind, q, syllables, answer, options) : undefined;
  if (shards?.length) answer = await pagefind.search(text, withShards(options, shards));
  else if (shards && check === "preview") answer = { results: [], filters: {} };
  const together = new Set(syllables.length > 1
    ? answer.results.filter((r) => hasRun(r.words, syllables.length)).map((r) => r.id) : []);
  const all = isQuoted(q) && syllables.length > 1 ? answer.results.filter((r) => together.has(r.id)) : answer.results;
  return { together, all, filters: answer.filters, shards };
}

// Pagefind answers a word an index does not have with the longest prefix it has
// ("tajikistan" -> "ta", upstream issue #780): a shard without a rare name fills the list
// with noise that can outrank the real matches. When a first-screen result lacks a word as
// typed, find (with exact, non-backtracking searches) the shards holding every word.
// undefined: no noise seen; []: no shard holds every word as typed (in the last tier, a
// word typed in part, and Pagefind's prefix answer is kept).
async function shardsWithEveryWord(pagefind, q, syllables, answer, options) {
  const terms = queryTerms(q);
  if (!terms.length || !answer.results.length) return undefined;
  const shown = await Promise.all(answer.results.slice(0, CHECKED).map((r) => r.data()));
  if (shown.every((data) => holdsEvery(data.content, terms))) return undefined;
  const exact = await Promise.all(syllables.map((s) => pagefind.search(`"${s.replace(/"/g, "")}"`, options)));
  const counts = exact.map((a) => a.filters?.[SHARD] || {});
  return Object.keys(counts[0]).filter((key) => counts.every((c) => c[key] > 0));
}

function withShards(options, shards) {
  return { ...options, filters: { ...options.filters, [SHARD]: { any: shards } } };
}

// Newest first over several shards. Pagefind sorts each index by date, but merges indexes
// by score, and a sorted search's score is the page's rank inside its own index. So ask
// one shard at a time (its synthetic filter), newest shard first, and concatenate.
async function searchNewest(pagefind, tier, query, options) {
  const { shards } = await searchTier(pagefind, query, options);   // which shards hold the words
  const merged = { together: new Set(), all: [], filters: {} };
  for (const shard of tier) {
    if (shards?.length && !shards.includes(shard.key)) continue;
    const filters = { ...options.filters, [SHARD]: [shard.key] };
    const answer = await searchTier(pagefind, query, { ...options, filters }, false);
    answer.together.forEach((id) => merged.together.add(id));
    merged.all.push(...answer.all);
    addCounts(merged.filters, answer.filters);
  }
  return merged;
}

function addCounts(total, counts) {
  for (const [name, values] of Object.entries(counts || {})) {
    total[name] ??= {};
    for (const [value, count] of Object.entries(values)) total[name][value] = (total[name][value] || 0) + count;
  }
}

// Do the word positions hold `length` consecutive ones?
function hasRun(positions, length) {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return length <= 1;
}

// Relevance: results with the syllables together first, each group by Pagefind's score.
// Newest: Pagefind's date order as it is.
function order(answer, sort) {
  const results = answer.all.map((result) => ({ result, together: answer.together.has(result.id) }));
  if (sort !== "newest") results.sort((a, b) => (b.together - a.together) || (b.result.score - a.result.score));
  return { results, filters: answer.filters || {}, total: results.length };
}
