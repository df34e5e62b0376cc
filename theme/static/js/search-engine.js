// Pagefind over the archive's shards. plugins/pagefind_search writes one index per shard (a year
// by default), one more small index of the newest articles ("recent"), a directory of which shards
// hold each word, and pagefind/shards.json. A search first reads the directory (search-directory.js):
// a word no shard holds is "not found" at once; otherwise only the shards holding every word are
// asked, "recent" first, then the others newest first, a few at a time, and results are shown as
// they arrive (the first answer with results, then the complete one).
//
// Each shard is searched on its own Pagefind instance (mergeIndex onto an instance of the first
// tier, whose own pages a filter leaves out), so a shard is only fetched when it can answer and
// the WebAssembly is fetched once, from the first tier's folder.
import { Directory, indexTerms } from "./search-directory.js";
import {
  dVariants, documentParts, documentQuery, fnv1a, hasRun, holdsPhrase, isQuoted, nearestDocuments, tidy,
} from "./search-text.js";

const SHARD = "shard";     // synthetic filter naming each page's shard
const AT_ONCE = 6;         // shards asked at the same time (a browser opens 6 connections to a host)
const UPDATE_MS = 400;     // newest first: at most one partial answer this often after the first
const FACETS = ["tag", "portal", "category"];
const CHECKS = 30;         // pages read to confirm a quoted phrase Pagefind's exact search missed

export class Archive {
  constructor(manifestUrl, siteBase) {
    this.manifestUrl = new URL(manifestUrl, window.location.href);
    this.siteBase = siteBase;
    this.manifest = null;
    this.module = null;
    this.opened = new Map();
    this.documents = new Map();
  }

  async load() {
    if (!this.manifest) {
      const response = await fetch(this.manifestUrl);
      if (!response.ok) throw new Error(`${this.manifestUrl}: ${response.status}`);
      this.manifest = await response.json();
      this.directory = this.manifest.words ? new Directory(this.manifest.words, this.manifestUrl) : null;
    }
    return this.manifest;
  }

  // The shard every instance starts from: the first tier, preloaded by the search page.
  get base() {
    return this.manifest.recent || this.manifest.shards[0];
  }

  // Open the first tier while the reader is still typing (script, wasm, metadata);
  // a failure here is reported by the search that needs it.
  warm() {
    this.load().then((manifest) => manifest.shards.length && this.open(this.base)).catch(() => {});
  }

  url(shard) {
    return new URL(shard.path, this.manifestUrl).href;
  }

  open(shard) {
    if (!this.opened.has(shard.key)) {
      const opening = this.openInstance(shard);
      opening.catch(() => this.opened.delete(shard.key));
      this.opened.set(shard.key, opening);
    }
    return this.opened.get(shard.key);
  }

  async openInstance(shard) {
    if (!this.module) this.module = await import(new URL("pagefind.js", this.manifestUrl).href);
    const base = this.base;
    // Instances share one WebAssembly module, which must be set up once: by the first tier's
    // instance, before any other starts (two setting it up at once would each make their own).
    if (shard.key !== base.key) await this.open(base);
    const tag = (s) => ({ mergeFilter: { [SHARD]: s.key }, ...(s.stamp ? { metaCacheTag: s.stamp } : {}) });
    // No web worker: one script less to download (41 KB), and a search takes milliseconds.
    const pagefind = this.module.createInstance({ basePath: this.url(base), noWorker: true, ...tag(base) });
    await pagefind.options({ baseUrl: this.siteBase, excerptLength: 0 });
    await pagefind.search("");   // returns once the instance is set up (or throws why it could not be)
    if (shard.key !== base.key) {
      await pagefind.mergeIndex(this.url(shard), { ...tag(shard), excerptLength: 0 });
      pagefind.only = { [SHARD]: { none: [base.key] } };
    } else {
      pagefind.only = {};
    }
    return pagefind;
  }

  // What a query asks of the index: the words for Pagefind, the exact words or phrase the results
  // must hold (a quoted phrase, a document number), and the index terms the directory is asked for.
  parse(query) {
    const quoted = isQuoted(query);
    const document = documentQuery(query);
    const text = document ? document.text : query.replace(/"/g, " ").trim();
    const exact = document ? [`"${document.token}"`] : quoted ? dVariants(text).map((t) => `"${t}"`) : null;
    const keep = this.manifest.include || [];
    return { text: text || null, exact, document, quoted, terms: indexTerms(text, keep),
             tokenTerms: document ? indexTerms(document.token, keep) : null,
             checks: CHECKS, read: new Set(), confirmed: new Set() };
  }

  // The shards that can answer (recent first, then newest first): those of the years asked for,
  // holding every term (exactly, for a quoted phrase or a document number).
  async candidates(plan, filters) {
    const { recent, shards } = this.manifest;
    const years = filters.year || [];
    const pool = years.length
      ? shards.filter((s) => !s.years?.length || years.some((y) => +y >= s.years[0] && +y <= s.years[1]))
      : [...(recent ? [recent] : []), ...shards];
    if (!this.directory || !plan.terms.length) return pool;
    const [held, exactly] = await Promise.all([
      this.directory.shards(plan.terms, plan.quoted),
      plan.tokenTerms ? this.directory.shards(plan.tokenTerms, true) : null,
    ]);
    const holding = new Set(exactly ? held.filter((key) => exactly.includes(key)) : held);
    return pool.filter((s) => holding.has(s.key));
  }

  // One shard's answer: Pagefind's ranked results, less those without the exact words (the exact
  // searches, one per spelling, are a filter only: Pagefind scores every exact match alike), each
  // marked "together" when the query's syllables stand side by side in it.
  //
  // Pagefind's exact phrase search misses a page where a word has two spellings of one key ("hội"
  // and "hồi" both file under "hoi": its test of consecutive positions takes one of them). So a page
  // whose matched words stand side by side and that holds every word of the phrase as a whole word
  // (Pagefind's exact search of each word alone) is read, and kept if its text holds the phrase:
  // at most CHECKS such pages a query (the best ranked first), so a common phrase may miss some.
  async ask(shard, plan, options, facets) {
    const pagefind = await this.open(shard);
    const wanted = { ...options, filters: { ...options.filters, ...pagefind.only } };
    if (facets) {   // the counts of the complete answer: load these filters (none of nothing = all pages)
      for (const name of FACETS) wanted.filters[name] ??= { none: [] };
      if (shard.years?.length && shard.years[0] !== shard.years[1]) wanted.filters.year ??= { none: [] };
    }
    const phrase = plan.quoted && plan.terms.length > 1;
    const words = phrase ? plan.terms.map((t) => `"${t}"`) : [];
    const asked = [plan.text, ...(plan.exact || []), ...words];
    const [ranked, ...exact] = await Promise.all(asked.map((q) => pagefind.search(q, wanted)));
    const ids = (answers) => answers.map((answer) => new Set(answer.results.map((r) => r.id)));
    const held = ids(exact.splice(exact.length - words.length));
    const keep = plan.exact && new Set(ids(exact).flatMap((set) => [...set]));
    if (phrase) {
      const maybe = ranked.results.filter((r) => !keep.has(r.id) && hasRun(r.words, plan.terms.length)
                                                 && held.every((set) => set.has(r.id)));
      maybe.filter((r) => plan.confirmed.has(r.id)).forEach((r) => keep.add(r.id));   // read before
      const checked = maybe.filter((r) => !plan.read.has(r.id)).slice(0, Math.max(0, plan.checks));
      plan.checks -= checked.length;
      checked.forEach((r) => plan.read.add(r.id));
      const texts = await Promise.all(checked.map((r) => r.data()));
      checked.forEach((r, i) => holdsPhrase(texts[i], plan.text) && keep.add(r.id) && plan.confirmed.add(r.id));
    }
    const results = (keep ? ranked.results.filter((r) => keep.has(r.id)) : ranked.results).map((result) => ({
      result, together: plan.terms.length > 1 && !plan.exact && hasRun(result.words, plan.terms.length)}));
    const counts = facets ? (keep ? recount(ranked.filters, results.length) : ranked.filters || {}) : {};
    if (shard.years?.length === 2 && shard.years[0] === shard.years[1] && !counts.year) {
      counts.year = { [shard.years[0]]: results.length };   // a year's shard: its own count
    }
    delete counts[SHARD];
    return { shard, results, counts };
  }

  // Yields answers {results, filters, total, done, absent?, document?, suggestions?}, the last complete.
  async *search(query, { filters = {}, sort = "relevance" } = {}) {
    await this.load();
    const plan = this.parse(tidy(query));
    const options = { filters: pagefindFilters(filters) };
    if (sort === "newest") options.sort = { date: "desc" };
    // The first tier is asked while the directory is read; its answer counts only if it holds every word.
    const recent = !filters.year?.length && this.manifest.recent;
    const first = recent ? this.ask(recent, plan, options, false) : null;
    first?.catch(() => {});
    const candidates = await this.candidates(plan, filters);
    const shards = candidates.filter((s) => s.key !== "recent");
    if (!shards.length) {
      const suggestions = plan.document ? await this.suggest(plan.document).catch(() => []) : [];
      yield { results: [], filters: {}, total: 0, done: true, absent: true, document: plan.document, suggestions };
      return;
    }
    const useFirst = first && candidates.some((s) => s.key === "recent");
    const answers = new Array(shards.length);
    let shown = false;
    let last = 0;
    const partial = (preview) => {
      const gap = answers.findIndex((a) => !a);   // newest first: only the shards before the first unanswered
      const ready = sort === "newest" ? answers.slice(0, gap < 0 ? answers.length : gap) : answers.filter(Boolean);
      return merge(preview && !ready.length ? [preview] : ready, sort, false);
    };
    const pending = new Set();
    let next = 0;
    const launch = () => {
      while (next < shards.length && pending.size < AT_ONCE) {
        const index = next++;
        const asked = this.ask(shards[index], plan, options, false).then((answer) => {
          answers[index] = answer;
          pending.delete(asked);
        });
        pending.add(asked);
      }
    };
    launch();
    const preview = useFirst ? await first : null;
    if (preview?.results.length && !answers.some(Boolean)) {
      shown = true;
      last = Date.now();
      yield { ...merge([preview], sort, false), done: false, recent: true };
    }
    launch();   // shards that answered meanwhile make room for the next ones
    while (pending.size) {
      await Promise.race(pending);
      launch();
      if (!pending.size) break;
      // Relevance: the first results, then the complete answer (a list reordered on every shard would
      // fetch excerpts for results that leave it); newest first: the list grows shard after shard.
      if (shown && sort !== "newest") continue;
      const answer = partial(preview);
      if (answer.total && (!shown || Date.now() - last > UPDATE_MS)) {
        shown = true;
        last = Date.now();
        yield { ...answer, done: false };
      }
    }
    const complete = merge(answers, sort, true);
    if (!complete.total && plan.document) {
      complete.document = plan.document;
      complete.suggestions = await this.suggest(plan.document).catch(() => []);
    }
    // The counts of portals, categories and tags come after the complete list: Pagefind counts each
    // filter value against every result (at 100,000 articles, 0.7 s of a common word's 3 s).
    const held = shards.filter((_, i) => answers[i].results.length);
    complete.facets = () => this.facets(held, plan, options);
    yield { ...complete, done: true };
  }

  // The filters' counts over the shards that answered (their words are already loaded).
  async facets(shards, plan, options) {
    const counts = {};
    for (const answer of await Promise.all(shards.map((shard) => this.ask(shard, plan, options, true)))) {
      addCounts(counts, answer.counts);
    }
    return counts;
  }

  // The real documents nearest to a document number no article holds (never results).
  async suggest(document) {
    const listed = this.manifest.documents;
    const parts = documentParts(document.token);
    if (!listed || !parts) return [];
    const stems = [`n${fnv1a(parts.number) % listed.buckets}`, parts.code && `c${fnv1a(parts.code) % listed.buckets}`]
      .filter((stem) => stem && listed.files.includes(stem));
    const lists = await Promise.all(stems.map((stem) => this.bucket(new URL(`${listed.path}${stem}.json`,
                                                                              this.manifestUrl).href)));
    return nearestDocuments(document, lists.flat());
  }

  bucket(url) {
    if (!this.documents.has(url)) {
      this.documents.set(url, fetch(url).then((r) => (r.ok ? r.json() : [])));
    }
    return this.documents.get(url);
  }
}

// Checked values of one facet match any of them (a page has one year, portal, category).
function pagefindFilters(filters) {
  const out = {};
  for (const [name, values] of Object.entries(filters)) {
    if (values.length && name !== "year") out[name] = { any: values };
  }
  if (filters.year?.length) out.year = { any: filters.year };
  return out;
}

// Counts of a shard whose results an exact search narrowed: only the total is known for sure,
// so each facet keeps Pagefind's counts capped at it.
function recount(counts, total) {
  const out = {};
  for (const [name, values] of Object.entries(counts || {})) {
    out[name] = Object.fromEntries(Object.entries(values).map(([value, n]) => [value, Math.min(n, total)]));
  }
  return out;
}

function addCounts(total, counts) {
  for (const [name, values] of Object.entries(counts || {})) {
    total[name] ??= {};
    for (const [value, count] of Object.entries(values)) total[name][value] = (total[name][value] || 0) + count;
  }
}

// Shards' answers as one. Relevance: the syllables together first, each group by Pagefind's score
// (the shards' scores are comparable, as in Pagefind's own mergeIndex). Newest: shard after shard,
// newest first, each in Pagefind's date order. A page seen twice (recent, then its year) counts once.
function merge(answers, sort, complete) {
  const seen = new Set();
  const results = [];
  const filters = {};
  for (const answer of answers) {
    if (!answer) continue;
    for (const entry of answer.results) {
      if (!seen.has(entry.result.id)) {
        seen.add(entry.result.id);
        results.push(entry);
      }
    }
    if (complete) addCounts(filters, answer.counts);
  }
  if (sort !== "newest") results.sort((a, b) => (b.together - a.together) || (b.result.score - a.result.score));
  return { results, filters, total: results.length };
}
