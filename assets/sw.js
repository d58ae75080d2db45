// Sauga's service worker: keeps the app's own files so the web app opens with no
// network after the first visit. It never fetches anything but these files, from
// this site. CACHE is stamped with the build's hash by scripts/build-web.sh.
const CACHE = "sauga-BUILD";
// Every file of the build (scripts/build-web.sh writes the list).
const FILES = ["./"].concat(FILE_LIST);
// Teacher mode's page and the teacher-only tools module: a pupil's phone never reads
// them; they are kept the first time teacher mode reads them.
const LATER = LATER_LIST;

// A new build waits until the user reloads (the page offers "Update ready"), so one
// page never mixes files of two builds.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then(async (c) => {
    await c.addAll(FILES);
    // A device that has opened teacher mode keeps it offline across updates. (Not
    // having it now is no reason to refuse the update.)
    if (await caches.match("teacher.html")) await c.addAll(LATER).catch(() => {});
  }));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  // Cache first: the app is the same until a new build replaces this worker. The
  // teacher page, the tools module and the pack checker are kept the first time they
  // are read.
  const keep = /\/(tools|teacher|checker)\/|\/teacher\.html$/.test(url.pathname);
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request).then((response) => {
      if (keep && response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((c) => c.put(event.request, copy));
      }
      return response;
    })),
  );
});
