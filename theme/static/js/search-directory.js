// Which shards can answer a query, before any shard is asked: the build's directory of every
// word Pagefind indexed (plugins/pagefind_search/directory.py). shards.json lists its files by
// their first word; a file holds "word<TAB>mask" lines, the mask (base 36) naming the shards
// (bit i: the i-th of `order`) that hold the word. Files are fetched when a query needs them
// and kept for the page's life.

// Pagefind 1.5's test for a character it drops from a query (coupled_search.ts), as written:
// it drops a grapheme that starts with a dash or holds any other punctuation but connectors.
const DROPPED = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

function graphemes(text) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    return [...new Intl.Segmenter("vi", { granularity: "grapheme" }).segment(text)].map((s) => s.segment);
  }
  return [...text];
}

// The query as Pagefind turns it into index terms: punctuation dropped (characters the index keeps
// in words, e.g. "_", stay), lower case, diacritics removed (đ stays: it is a letter).
// "Nghị định 67/2014/NĐ-CP" -> ["nghi", "đinh", "672014nđcp"].
export function indexTerms(query, keep = []) {
  const text = graphemes(query)
    .map((g) => (keep.includes(g) ? g : DROPPED.test(g) ? "" : g.toLocaleLowerCase()))
    .join("")
    .replace(/\s{2,}/g, " ")
    .trim()
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
  return text ? text.split(" ") : [];
}

function parseMask(text) {
  let mask = 0n;
  for (const digit of text) mask = mask * 36n + BigInt(parseInt(digit, 36));
  return mask;
}

// String order as the build sorted the words (UTF-16 code units, like JavaScript's < ).
const before = (a, b) => a < b;

export class Directory {
  constructor(words, baseUrl) {
    this.order = words.order;
    this.chunks = words.chunks.map(([first, file, mask]) => ({ first, url: new URL(words.path + file, baseUrl).href,
                                                              mask: parseMask(mask) }));
    this.files = new Map();
  }

  // Index of the last chunk whose first word is <= word.
  locate(word) {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (before(word, this.chunks[mid].first)) high = mid - 1;
      else low = mid;
    }
    return low;
  }

  file(chunk) {
    if (!this.files.has(chunk.url)) {
      this.files.set(chunk.url, fetch(chunk.url).then((response) => {
        if (!response.ok) throw new Error(`${chunk.url}: ${response.status}`);
        return response.text();
      }).then((text) => text.split("\n").filter(Boolean).map((line) => line.split("\t"))).catch((error) => {
        this.files.delete(chunk.url);
        throw error;
      }));
    }
    return this.files.get(chunk.url);
  }

  // Mask of the shards holding a word that starts with `term` (Pagefind matches a term as a
  // prefix), or with `exact` the word itself. A prefix spanning three files or more is answered
  // from the files' own masks (a few shards too many at worst, never one too few).
  async mask(term, exact = false) {
    const from = this.locate(term);
    const to = exact ? from : this.locate(`${term}\uffff`);
    if (to - from >= 2) return this.chunks.slice(from, to + 1).reduce((m, c) => m | c.mask, 0n);
    let mask = 0n;
    for (const lines of await Promise.all(this.chunks.slice(from, to + 1).map((c) => this.file(c)))) {
      for (const [word, bits] of lines) {
        if (exact ? word === term : word.startsWith(term)) mask |= parseMask(bits);
      }
    }
    return mask;
  }

  // Keys of the shards that hold every term, in `order`.
  async shards(terms, exact = false) {
    const masks = await Promise.all(terms.map((t) => this.mask(t, exact)));
    const all = masks.reduce((m, x) => m & x, (1n << BigInt(this.order.length)) - 1n);
    return this.order.filter((_, bit) => (all >> BigInt(bit)) & 1n);
  }
}
