// Vietnamese text on the query path: the same folding the index uses, and the
// excerpt of a result (cut before the hidden folded copy, matches in <mark>).

// Marker before the hidden folded copy of an article (plugins/pagefind_search/folding.py).
export const MARKER = "\u2042";
const EXCERPT_WORDS = 30;
const WORD = /[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*/gu;

// One character as a reader without diacritics types it: base letter, đ as d,
// lower case. Always one character out for one in, so positions line up.
function foldChar(ch) {
  const base = String.fromCodePoint(ch.normalize("NFD").codePointAt(0)).toLowerCase();
  if (base === "đ") return "d";
  return base.length === ch.length ? base : ch;
}

export function fold(text) {
  let out = "";
  for (const ch of text.normalize("NFC")) out += foldChar(ch);
  return out;
}

// The query as typed, tidied: NFC, single spaces.
export function tidy(query) {
  return query.normalize("NFC").replace(/\s+/g, " ").trim();
}

export function isQuoted(query) {
  return /^\s*".+"\s*$/.test(query);
}

// The words of a query, folded, quotes dropped.
export function queryTerms(query) {
  return [...fold(query.replace(/"/g, " ")).matchAll(WORD)].map((m) => m[0]);
}

// The reader-visible text of a Pagefind result: everything before the marker.
export function visibleText(content) {
  const cut = content.indexOf(MARKER);
  return (cut < 0 ? content : content.slice(0, cut)).trim();
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function matches(word, terms, last) {
  return terms.some((t, i) => word === t || (i === last && word.startsWith(t)));
}

// Words of a text (folded, with positions) and which of them match the query.
function scan(text, query) {
  const terms = queryTerms(query);
  const words = [...fold(text).matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const hit = words.map((w) => terms.length > 0 && matches(w.word, terms, terms.length - 1));
  return { words, hit };
}

// HTML of words[from..to) of text, matches in <mark>, everything else escaped.
function markup(text, { words, hit }, from, to) {
  let html = "";
  let cursor = words[from].start;
  for (let i = from; i < to; i++) {
    const w = words[i];
    html += escapeHtml(text.slice(cursor, w.start));
    const original = escapeHtml(text.slice(w.start, w.end));
    html += hit[i] ? `<mark>${original}</mark>` : original;
    cursor = w.end;
  }
  const tail = to < words.length ? text.slice(cursor, words[to].start) : text.slice(cursor);
  return html + escapeHtml(tail.trimEnd());
}

// A short text (a title) with the words that match the query in <mark>.
export function highlight(title, query) {
  const text = title.normalize("NFC");
  const found = scan(text, query);
  if (!found.words.length) return escapeHtml(text);
  return escapeHtml(text.slice(0, found.words[0].start)) + markup(text, found, 0, found.words.length);
}

// Excerpt of about 30 words around the densest group of query words, with the
// words that match the query (in any spelling the index folds) in <mark>.
export function excerpt(content, query) {
  const text = visibleText(content).normalize("NFC");
  const found = scan(text, query);
  const { words, hit } = found;
  if (!words.length) return "";
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < words.length; i++) {
    if (!hit[i]) continue;
    const window = words.slice(i, i + EXCERPT_WORDS).filter((_, k) => hit[i + k]);
    const score = new Set(window.map((w) => w.word)).size * 100 + window.length;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  const from = Math.max(0, Math.min(best - 6, words.length - EXCERPT_WORDS));
  const to = Math.min(words.length, from + EXCERPT_WORDS);
  return (from > 0 ? "… " : "") + markup(text, found, from, to) + (to < words.length ? " …" : "");
}

// Do the word positions hold `length` consecutive ones?
export function hasRun(positions, length) {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return length <= 1;
}

// Party and state documents, as newsarchive/tags/documents.py writes their numbers: a type, an
// optional "số", the number, then the code ("67/2014/NĐ-CP", "42 - CT/TU"). Only the query is parsed
// here; the canonical forms come from the build (each article's tags of kind document).
const TYPES = ["Quy chế phối hợp", "Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Quy định", "Nghị định",
               "Thông tư", "Quy chế"];
const DOCUMENT = new RegExp(
  `(?:(${TYPES.join("|")})\\s+)?(?:số\\s*)?(?<![\\p{L}\\p{N}/-])(\\d{1,5})((?:\\s?[-/]\\s?[0-9A-Za-zĐđ&]+)+)(?![\\p{L}\\p{N}/-])`,
  "iu");

// A document number in the query: {type, number, code, token ("67/2014/NĐ-CP", spaces dropped),
// name (as the tags write it), text (what the index is asked for)}; null when there is none. A code
// of digits only ("15/2015", a date as often as a circular) counts only after a document type, and
// only then is the type asked for too (a code with letters names its document by itself).
export function documentQuery(query) {
  const found = tidy(query.replace(/"/g, " ")).match(DOCUMENT);
  if (!found) return null;
  const [all, type, number, rawCode] = found;
  const code = rawCode.replace(/\s+/g, "");
  if (!/\p{L}/u.test(code) && !type) return null;   // "15/2015" alone: a date as often as not
  const kind = type ? TYPES.find((t) => t.toLowerCase() === type.toLowerCase()) : null;
  const token = `${number}${code}`;
  const rest = tidy(query.replace(/"/g, " ")).replace(all, " ");
  const lettered = /\p{L}/u.test(code);
  return { type: kind, number: String(Number(number)), code, token,
           name: kind ? `${kind} ${token}` : token, text: tidy(`${lettered ? "" : kind} ${token} ${rest}`) };
}

const NUMBER = /(\d+)((?:[-/][0-9A-Za-zÀ-ỹĐđ&]+)*)/u;
const compact = (text) => fold(text).replace(/[^\p{L}\p{N}]/gu, "");

// A document's number and code as the build buckets them (plugins/pagefind_search/documents.py).
export function documentParts(name) {
  const found = name.match(NUMBER);
  return found ? { number: String(Number(found[1])), code: compact(found[2]), key: compact(found[0]) } : null;
}

// 32-bit FNV-1a over UTF-16 code units (documents.py's fnv1a).
export function fnv1a(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value;
}

function distance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

// The real documents nearest to the one asked for ([name, articles] pairs from the build): a few
// characters apart at most in number and code, the closest, same type, most cited first.
export function nearestDocuments(asked, candidates, count = 5) {
  const wanted = documentParts(asked.token).key;
  const limit = Math.max(2, Math.ceil(wanted.length / 4));
  const best = new Map();
  for (const [name, articles] of candidates) {
    const parts = documentParts(name);
    if (!parts || best.has(name)) continue;
    const d = distance(wanted, parts.key);
    if (d <= limit) best.set(name, { name, articles, d, other: asked.type && name.startsWith(asked.type) ? 0 : 1 });
  }
  return [...best.values()]
    .sort((a, b) => a.d - b.d || a.other - b.other || b.articles - a.articles || a.name.localeCompare(b.name, "vi"))
    .slice(0, count)
    .map(({ name, articles }) => ({ name, articles }));
}

// The spellings a phrase typed with d may have in the text, where any of its d may be đ (Pagefind
// matches đ only as itself; the hidden folded copy holds each đ-word with one neighbour, too short
// for a longer phrase): "to chuc dang" -> ["to chuc dang", "to chuc đang"]. At most `limit` of them.
export function dVariants(phrase, limit = 16) {
  let out = [""];
  for (const ch of phrase) {
    const next = ch === "d" || ch === "D" ? [ch, ch === "d" ? "đ" : "Đ"] : [ch];
    if (out.length * next.length > limit) return [phrase];
    out = out.flatMap((start) => next.map((c) => start + c));
  }
  return out;
}

// Does a result's text (its fragment: indexed text and title) hold the phrase, as whole words, in
// any spelling Pagefind folds together (diacritics, đ as d, case)?
export function holdsPhrase(data, phrase) {
  const words = queryTerms(phrase).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "u");
  return [data.content, ...Object.values(data.meta || {})].some((text) => pattern.test(fold(String(text))));
}
