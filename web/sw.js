// Offline once loaded. Every GET to this site goes to the network first, and what comes
// back is kept; when the network is down, the kept copy answers. So a workshop can open
// the game once with a connection and go on playing without one. The page also asks for
// the whole current pack to be kept (message {precache: base URL}) once the game runs.
'use strict';

const CACHE = 'realcheck-v1';
// The page itself: the first visit loads it before this worker controls anything.
const SITE_FILES = ['./', 'index.html', 'realcheck-shell.js', 'realcheck.css', 'realcheck.js',
                    'realcheck.wasm', 'realcheck.data'];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function sameSite(url) {
  return new URL(url).origin === self.location.origin;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !sameSite(request.url)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        // A page address may carry ?pack= or ?lang=: the kept page serves them all.
        caches.match(request, { ignoreSearch: request.mode === 'navigate' })
          .then((kept) => kept || Response.error())));
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
