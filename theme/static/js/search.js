// The search page: reads ?q=, queries Pagefind on load and as the reader types,
// and renders results (title, date, source, excerpt) into #search-results.
const bundle = document.querySelector("script[data-pagefind]").dataset.pagefind;
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const PAGE_SIZE = 20;

let pagefind = null;
let sequence = 0;
let timer = null;

async function engine() {
  if (!pagefind) {
    pagefind = await import(bundle);
    await pagefind.options({ excerptLength: 28 });
    pagefind.init();
  }
  return pagefind;
}

function remember(query) {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [data.meta.date, data.meta.portal].filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "summary";
  excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds <mark> only
  item.append(heading, meta, excerpt);
  return item;
}

async function run(query) {
  const mine = ++sequence;
  remember(query.trim());
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = "Đang tìm…";
  try {
    const pf = await engine();
    const search = await pf.search(query);
    if (mine !== sequence) return;
    const found = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (mine !== sequence) return;
    list.replaceChildren(...found.map(resultItem));
    status.textContent = search.results.length
      ? `Tìm thấy ${search.results.length} bài cho “${query.trim()}”.`
      : `Không tìm thấy bài nào cho “${query.trim()}”. Hãy thử từ khóa ngắn hơn hoặc gõ không dấu.`;
  } catch (error) {
    status.textContent = "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.";
    console.error(error);
  }
}

input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), 200);
});
input.form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run(input.value);
});

const initial = new URLSearchParams(window.location.search).get("q") || "";
input.value = initial;
if (initial) run(initial);
