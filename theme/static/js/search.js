// The search page. State lives in the URL (?q=, tag=, year=, portal=, category=,
// sort=) so every search can be linked; results render into #search-results,
// filters with their counts into #search-facets.
import { Archive } from "./search-engine.js";
import { excerpt, fold, highlight, tidy } from "./search-text.js";

const script = document.querySelector("script[data-shards]");
const archive = new Archive(script.dataset.shards, script.dataset.base || "/");
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const aside = document.getElementById("search-filters");
const facets = document.getElementById("search-facets");
const sortSelect = document.getElementById("search-sort");

const FACETS = [["tag", "Chủ đề"], ["year", "Năm"], ["portal", "Nguồn tin"], ["category", "Chuyên mục"]];
const PAGE_SIZE = 10;
const TAGS_SHOWN = 15;

let state = readState();
let sequence = 0;
let timer = null;
let shown = [];

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = Object.fromEntries(FACETS.map(([name]) => [name, params.getAll(name).filter(Boolean)]));
  return { q: params.get("q") || "", sort: params.get("sort") === "newest" ? "newest" : "relevance", filters };
}

function writeState() {
  const params = new URLSearchParams();
  if (tidy(state.q)) params.set("q", tidy(state.q));
  for (const [name] of FACETS) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

const hasFilters = () => FACETS.some(([name]) => state.filters[name].length);

function searchLink(q) {
  const link = document.createElement("a");
  link.href = `?q=${encodeURIComponent(q)}`;
  link.textContent = `“${q}”`;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    input.value = q;
    update({ q });
  });
  return link;
}

// "Nothing found": for a document number, the nearest real documents (links to search them, never
// results); otherwise the query as typed without diacritics, without quotes, without filters.
function nothingFound(q, answer) {
  status.replaceChildren(`Không tìm thấy bài nào cho “${q}”.`);
  const near = answer.suggestions || [];
  if (near.length) {
    const suggest = document.createElement("span");
    suggest.className = "search-suggest";
    suggest.append(" Văn bản gần giống có trong kho lưu trữ: ");
    near.forEach(({ name, articles }, i) => {
      if (i) suggest.append(", ");
      suggest.append(searchLink(name), ` (${articles.toLocaleString("vi-VN")} bài)`);
    });
    suggest.append(".");
    status.append(suggest);
  }
  const tries = answer.document ? [] : [fold(q), q.replace(/"/g, "")].filter((t, i, all) => t !== q && all.indexOf(t) === i);
  if (tries.length) {
    const suggest = document.createElement("span");
    suggest.className = "search-suggest";
    suggest.append(" Thử tìm ");
    tries.forEach((t, i) => suggest.append(...(i ? [" hoặc ", searchLink(t)] : [searchLink(t)])));
    suggest.append(".");
    status.append(suggest);
  }
  if (hasFilters()) status.append(" Hoặc bỏ bớt bộ lọc.");
  else if (!tries.length && !near.length) status.append(" Hãy thử từ khóa ngắn hơn.");
}

function resultItem(data, together, q) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.innerHTML = highlight(data.meta.title || data.url, q);
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [data.meta.date, data.meta.portal].filter(Boolean).join(" · ");
  const summary = document.createElement("p");
  summary.className = "summary";
  summary.innerHTML = excerpt(data.content, q); // text escaped by excerpt(); only <mark> added
  item.append(heading, meta, summary);
  item.dataset.together = together ? "1" : "0";
  return item;
}

async function showMore(mine, q) {
  const next = shown.slice(list.children.length, list.children.length + PAGE_SIZE);
  const data = await Promise.all(next.map((r) => r.result.data()));
  if (mine !== sequence) return;
  list.append(...data.map((d, i) => resultItem(d, next[i].together, q)));
  more.hidden = list.children.length >= shown.length;
}

function facetGroup(name, label, counts) {
  const chosen = state.filters[name];
  let values = Object.entries(counts || {}).filter(([v, n]) => n > 0 || chosen.includes(v));
  values.sort((a, b) => (name === "year" ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], "vi")));
  if (name === "tag") values = values.filter(([v], i) => i < TAGS_SHOWN || chosen.includes(v));
  if (!values.length) return null;
  const group = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = label;
  group.append(legend);
  for (const [value, count] of values) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = name;
    box.value = value;
    box.checked = chosen.includes(value);
    box.addEventListener("change", () => {
      const set = new Set(state.filters[name]);
      box.checked ? set.add(value) : set.delete(value);
      update({ filters: { ...state.filters, [name]: [...set] } });
    });
    const text = document.createElement("span");
    text.textContent = value;
    const number = document.createElement("span");
    number.className = "count";
    number.textContent = count.toLocaleString("vi-VN");
    const row = document.createElement("label");
    row.append(box, text, number);
    group.append(row);
  }
  return group;
}

function renderFacets(counts) {
  facets.replaceChildren(...FACETS.map(([n, l]) => facetGroup(n, l, counts[n])).filter(Boolean));
  aside.hidden = false;
}

async function showFacets(mine, answer) {
  aside.dataset.state = "counting";
  try {
    const counts = await answer.facets();
    if (mine !== sequence) return;
    renderFacets({ ...counts, year: answer.filters.year || counts.year });
    performance.mark("search-facets");
    aside.dataset.state = "done";
  } catch (error) {
    if (mine === sequence) aside.dataset.state = "error";
    console.error(error);
  }
}

async function run() {
  const mine = ++sequence;
  const q = tidy(state.q);
  writeState();
  list.dataset.state = "searching";
  if (!q && !hasFilters()) {
    list.replaceChildren();
    more.hidden = true;
    aside.hidden = true;
    status.textContent = "";
    list.dataset.state = "done";
    return;
  }
  status.textContent = "Đang tìm…";
  if (!performance.getEntriesByName("search-start").length) performance.mark("search-start");
  try {
    for await (const answer of archive.search(q, { filters: state.filters, sort: state.sort })) {
      if (mine !== sequence) return;
      shown = answer.results;
      list.replaceChildren();
      await showMore(mine, q);
      if (mine !== sequence) return;
      // A partial answer carries no counts; the complete one the years', then the others' (answer.facets).
      if (answer.done || Object.keys(answer.filters).length) renderFacets(answer.filters);
      if (answer.done && answer.facets) showFacets(mine, answer);
      // The benchmark's "first results": the first answer with results, else the complete one.
      if ((shown.length || answer.done) && !performance.getEntriesByName("search-first-results").length) {
        performance.mark("search-first-results");
      }
      if (answer.done && !performance.getEntriesByName("search-complete").length) {
        performance.mark("search-complete");   // the benchmark's complete answer (the counts follow)
      }
      const label = q ? ` cho “${q}”` : "";
      const count = shown.length.toLocaleString("vi-VN");
      if (!answer.done) {
        const found = answer.recent ? `Tìm thấy ${count} bài mới đây${label}. ` : `Đã thấy ${count} bài${label}. `;
        status.textContent = `${shown.length ? found : ""}Đang tìm trong toàn bộ kho lưu trữ…`;
      } else if (shown.length) status.textContent = `Tìm thấy ${count} bài${label}.`;
      else nothingFound(q, answer);
      list.dataset.state = answer.done ? "done" : "partial";
    }
  } catch (error) {
    status.textContent = "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.";
    list.dataset.state = "error";
    console.error(error);
  }
}

function update(change) {
  state = { ...state, ...change };
  clearTimeout(timer);
  run();
}

input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => update({ q: input.value }), 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  update({ q: input.value });
});
sortSelect.addEventListener("change", () => update({ sort: sortSelect.value }));
more.addEventListener("click", () => showMore(sequence, tidy(state.q)));

// Keyboard: "/" to the box, ↓/↑ through the results, Esc back to the box.
document.addEventListener("keydown", (event) => {
  const links = [...list.querySelectorAll("li h2 a")];
  const at = links.indexOf(document.activeElement);
  if (event.key === "/" && document.activeElement !== input) {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0) && links.length) {
    event.preventDefault();
    links[Math.min(at + 1, links.length - 1)].focus();
  } else if (event.key === "ArrowUp" && at >= 0) {
    event.preventDefault();
    (at === 0 ? input : links[at - 1]).focus();
  } else if (event.key === "Escape" && at >= 0) {
    input.focus();
  }
});

input.value = state.q;
sortSelect.value = state.sort;
if (state.q || hasFilters()) run();
else archive.warm();
