// Offline once loaded, and fast on a dead network. Every GET to this site is answered
// from what is kept when there is a copy, at once, and refreshed from the network in the
// background; what is not kept yet comes from the network and is kept. So a workshop
// whose network is slow, or a captive portal that never answers, starts a second visit
// as fast as with no network at all. The cache is named after the build (tools/web writes
// its hash below), so a new build never mixes with an old one's files. The page also asks
// for the whole current pack to be kept (message {precache: base URL}) once the game runs.
'use strict';

const BUILD = '@REALCHECK_BUILD@';
const CACHE = 'realcheck-' + BUILD;
// The page itself: the first visit loads it before this worker controls anything.
const SITE_FILES = ['./', 'index.html', 'realcheck-shell.js', 'realcheck.css', 'realcheck.js',
                    'realcheck.wasm', 'realcheck.data'];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys())
    if (name.startsWith('realcheck-') && name !== CACHE) await caches.delete(name);
  await self.clients.claim();
})()));

function sameSite(url) {
  return new URL(url).origin === self.location.origin;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !sameSite(request.url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page address may carry ?pack= or ?lang=: the kept page serves them all.
    const kept = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    const fresh = fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (kept) {
      event.waitUntil(fresh.catch(() => {}));  // refreshed for the next visit
      return kept;
    }
    return fresh.catch(() => Response.error());
  })());
});

// Keeps pack.json and every media file of a pack, one download at a time so the player's
// own downloads keep priority.
async function precache(base) {
  const cache = await caches.open(CACHE);
  await cache.addAll(SITE_FILES.map((file) => new URL(file, self.registration.scope).href));
  // A zip pack is one file: the page fetched it whole, keep that.
  if (/\.zip$/i.test(new URL(base).pathname)) {
    if (!(await cache.match(base))) await cache.add(base);
    return 1;
  }
  const manifestUrl = new URL('pack.json', base).href;
  const response = await fetch(manifestUrl);
  if (!response.ok) throw new Error(manifestUrl + ': HTTP ' + response.status);
  await cache.put(manifestUrl, response.clone());
  const pack = await response.json();
  let kept = 0;
  for (const item of Array.isArray(pack.items) ? pack.items : []) {
    if (!item || typeof item.media !== 'string') continue;
    const url = new URL(item.media, base).href;
    if (!sameSite(url)) continue;
    if (!(await cache.match(url))) {
      const media = await fetch(url);
      if (!media.ok) continue;
      await cache.put(url, media);
    }
    kept += 1;
  }
  return kept;
}

self.addEventListener('message', (event) => {
  const base = event.data && event.data.precache;
  if (typeof base !== 'string' || !sameSite(base)) return;
  event.waitUntil(
    precache(base)
      .then((kept) => event.source.postMessage({ precached: kept }))
      .catch((error) => event.source.postMessage({ precacheError: String(error) })));
});
