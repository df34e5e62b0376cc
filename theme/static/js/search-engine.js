// Pagefind over the archive's shards. plugins/pagefind_search writes one index
// per shard (a year by default), one more small index of the newest articles
// ("recent"), and pagefind/shards.json. A search asks "recent" first (its
// results show at once, from a few hundred kilobytes), then all shards merged
// into one Pagefind instance (mergeIndex), whose answer replaces the first.
import { isQuoted, tidy } from "./search-text.js";

const SHARD = "shard"; // synthetic filter naming each page's shard

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
        : await searchTier(pagefind, query, options);
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
async function searchTier(pagefind, query, options) {
  const q = tidy(query);
  const syllables = q.replace(/"/g, " ").trim().split(/\s+/).filter(Boolean);
  const answer = await pagefind.search(q ? syllables.join(" ") : null, options);
  const together = new Set(syllables.length > 1
    ? answer.results.filter((r) => hasRun(r.words, syllables.length)).map((r) => r.id) : []);
  const all = isQuoted(q) && syllables.length > 1 ? answer.results.filter((r) => together.has(r.id)) : answer.results;
  return { together, all, filters: answer.filters };
}

// Newest first over several shards. Pagefind sorts each index by date, but merges indexes
// by score, and a sorted search's score is the page's rank inside its own index. So ask
// one shard at a time (its synthetic filter), newest shard first, and concatenate.
async function searchNewest(pagefind, tier, query, options) {
  const merged = { together: new Set(), all: [], filters: {} };
  for (const shard of tier) {
    const filters = { ...options.filters, [SHARD]: [shard.key] };
    const answer = await searchTier(pagefind, query, { ...options, filters });
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
