// Reading offline (plugins/offline_reading writes this file at the site's root with CONFIG).
// - The shell (styles, scripts, fonts, icons, the offline page) is fetched when the worker
//   installs, into a cache named by the shell's version; other theme files are kept when used.
// - Every article opened is kept (network first; on a weak signal the kept copy after
//   CONFIG.timeout ms); the least recently opened go beyond CONFIG.kept articles.
// - Offline, a kept article shows; any other page gets the offline page, which lists what is kept.
// Search (pagefind/) and everything else go to the network untouched.
"use strict";
const CONFIG = {{ config|tojson }};
const SHELL = CONFIG.prefix + "shell-" + CONFIG.version;
const KEPT = CONFIG.prefix + "articles";
const SCOPE = new URL(self.registration.scope);
const ARTICLE = new RegExp(CONFIG.article);
const at = (path) => new URL(path, SCOPE).href;

// The path under the site's root, or null for another site.
function inSite(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname) ? url.pathname.slice(SCOPE.pathname.length) : null;
}

function isArticle(url) {
  const path = inSite(url);
  return path !== null && ARTICLE.test(path);
}

async function keep(address, response) {
  if (!response || !response.ok || response.redirected || response.type !== "basic") return;
  const cache = await caches.open(KEPT);
  await cache.delete(address);          // put it last: the list runs from least to most recently opened
  await cache.put(address, response);
  const kept = await cache.keys();
  await Promise.all(kept.slice(0, Math.max(0, kept.length - CONFIG.kept)).map((request) => cache.delete(request)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(CONFIG.shell.map(at))).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CONFIG.prefix + "shell-") && name !== SHELL)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
    // The article open while the worker installed was fetched before it: keep that one too.
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    await Promise.all(windows.map(async (client) => {
      const url = new URL(client.url);
      if (isArticle(url)) {
        const address = url.origin + url.pathname;
        await keep(address, await fetch(address).catch(() => null));
      }
    }));
  })());
});

async function offlinePage() {
  return (await caches.match(at(CONFIG.offline), { cacheName: SHELL })) || Response.error();
}

async function openPage(event, url) {
  const address = url.origin + url.pathname;
  if (!isArticle(url)) return fetch(event.request).catch(offlinePage);
  const network = fetch(event.request).then(async (response) => {
    await keep(address, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => null));
  const kept = await caches.match(address, { cacheName: KEPT });
  if (!kept) return network.catch(offlinePage);
  const late = new Promise((resolve) => setTimeout(() => resolve(kept), CONFIG.timeout));
  return Promise.race([network.catch(() => kept), late]);
}

async function themeFile(request) {
  const hit = await caches.match(request, { cacheName: SHELL });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(SHELL).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const path = inSite(url);
  if (path === null) return;
  if (request.mode === "navigate") event.respondWith(openPage(event, url));
  else if (path.startsWith(CONFIG.theme)) event.respondWith(themeFile(request));
});
