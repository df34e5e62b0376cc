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

// Does the text hold, for every term (queryTerms), a word that starts with it?
export function holdsEvery(text, terms) {
  const words = [...fold(text).matchAll(WORD)].map((m) => m[0]);
  return terms.every((term) => words.some((word) => word.startsWith(term)));
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
