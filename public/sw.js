// Samizdat's service worker. It keeps the last verified copy of the
// client and serves it, online or not: a file enters that copy only when
// the publisher's signed manifest lists it with the same SHA-256. The
// decisions about signatures, serials and hashes come from the shared
// manifest crate, compiled to WebAssembly: scripts/build-client puts its
// glue, and sw-releases.js, in place of the importScripts lines below, so
// one file is the code the browser keeps; it pins verifier_bg.wasm's
// SHA-256.
//
// Trust: the key pinned below by scripts/build-client when the build is
// signed; otherwise the `publicKey` of config.json, remembered the first
// time a manifest it signs lists that very config.json (so a mirror that
// only re-hosts cannot set it, and no later config can change it). With
// no key at all the worker only caches, unverified, as dev builds need.
"use strict";

const PINNED_KEY = "@PINNED_KEY@";
const VERIFIER_SHA256 = "@VERIFIER_SHA256@";
importScripts("verifier.js");

const MANIFEST = "samizdat-manifest.json";
const SIGNATURE = MANIFEST + ".minisig";
const CONFIG = "config.json";
const MEDIA_CACHE = "samizdat-media";
const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
// Several copies of the client may share an origin under other paths.
const PREFIX = "samizdat-app " + SCOPE + " ";
const STATE_CACHE = PREFIX + "state";
const UNVERIFIED_CACHE = PREFIX + "unverified";
const STATE_URL = SCOPE + "__samizdat-worker-state";

// A file's address in the scope, and the key of its copy in a cache.
const at = (path) => new URL(path, SCOPE).href;

// A placeholder left as is means the build pinned nothing.
const pinnedKey = PINNED_KEY.includes("\n") ? PINNED_KEY : "";

// What the worker remembers, checking a release, switching to it.
importScripts("sw-releases.js");

// ---- lifecycle and messages

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(checkOnce());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      const state = await readState();
      const kept = [STATE_CACHE, UNVERIFIED_CACHE, state.current && state.current.cache, state.pending && state.pending.cache];
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !kept.includes(name)) await caches.delete(name);
      }
      await checkOnce();
    })(),
  );
});

async function greet(page) {
  const state = await readState();
  const verified = Boolean(state.current);
  page.postMessage({ type: "status", verified, serial: verified ? state.current.serial : undefined });
  if (state.problem) page.postMessage(integrity(state.problem));
  if (state.pending) page.postMessage({ type: "update-ready", serial: state.pending.serial });
  if (hostUnreachable) page.postMessage({ type: "host-unreachable", mirror: SCOPE });
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "hello" && event.source) event.waitUntil(greet(event.source));
  else if (message.type === "check") event.waitUntil(checkOnce());
  else if (message.type === "apply-update") event.waitUntil(applyUpdate());
  else if (message.type === "check-mirror" && typeof message.url === "string") {
    const replyTo = event.ports[0] || event.source;
    event.waitUntil(checkMirror(message.url).then((answer) => replyTo && replyTo.postMessage(answer)));
  }
});

// ---- answering requests

function scopedPath(url) {
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) return null;
  try {
    return decodeURIComponent(url.pathname.slice(SCOPE_PATH.length)) || "index.html";
  } catch (malformed) {
    return null;
  }
}

async function fromVerified(request, path, state) {
  if (Object.hasOwn(state.current.files, path)) {
    const hit = await (await caches.open(state.current.cache)).match(at(path));
    if (hit) return hit;
  }
  // A host's own settings: the client reads them, and their key counts
  // only when listed (see check).
  if (path === CONFIG) return fetch(request);
  const reason = path + " is not in the publisher's signed manifest, so it was not served";
  tell(integrity({ file: path, kind: "unlisted", reason })).catch(() => {});
  return new Response(reason, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// Without a key nothing can be verified: the network first, and the last
// answer for when it is gone.
async function unverified(request) {
  const cache = await caches.open(UNVERIFIED_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}

async function answer(request, path) {
  const state = await readState();
  if (state.current) return fromVerified(request, path, state);
  if (!pinnedKey && !state.key) return unverified(request);
  // A key but no verified copy yet: the first check is under way or failed.
  return fetch(request);
}

// Media previews kept by the client for offline reading.
async function imageOrKept(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await (await caches.open(MEDIA_CACHE)).match(request.url);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    if (request.destination === "image") event.respondWith(imageOrKept(request));
    return;
  }
  const path = scopedPath(url);
  if (path === null || path === MANIFEST || path === SIGNATURE) return;
  event.respondWith(answer(request, path));
  // Each opening of the client looks for a new release.
  if (request.mode === "navigate") event.waitUntil(checkOnce());
});
