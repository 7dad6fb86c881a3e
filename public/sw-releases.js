// The service worker's releases (see sw.js, which scripts/build-client
// makes one file with this one): what it remembers, how it checks a
// release the mirror offers, and the switch to it.
"use strict";

// ---- state: { key, seen, current, pending, problem }, in Cache Storage

let memo = null;

async function readState() {
  if (memo) return memo;
  const stored = await (await caches.open(STATE_CACHE)).match(STATE_URL);
  memo = stored ? await stored.json() : {};
  return memo;
}

async function saveState(state) {
  memo = state;
  const body = JSON.stringify(state);
  await (await caches.open(STATE_CACHE)).put(
    STATE_URL,
    new Response(body, { headers: { "Content-Type": "application/json" } }),
  );
}

// Checks and switches run one at a time: each reads, then writes, the state.
let queue = Promise.resolve();
function exclusive(work) {
  const run = queue.then(work, work);
  queue = run.catch(() => {});
  return run;
}

// ---- talking to the pages

async function tell(message) {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) page.postMessage(message);
}

function integrity(problem) {
  return Object.assign({ type: "integrity", mirror: SCOPE }, problem);
}

async function refuse(state, file, kind, reason) {
  state.problem = { file, kind, reason };
  await saveState(state);
  await tell(integrity(state.problem));
}

// ---- the verifier

let verifier = null;

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function loadVerifier() {
  if (verifier) return verifier;
  const response = await fetch(at("verifier_bg.wasm"), { cache: "no-store" });
  if (!response.ok) throw new Refused("verifier_bg.wasm", "missing", "the mirror answered " + response.status);
  const bytes = await response.arrayBuffer();
  // The verifier judges everything else, so its own bytes are pinned here.
  if (!VERIFIER_SHA256.startsWith("@") && hex(await crypto.subtle.digest("SHA-256", bytes)) !== VERIFIER_SHA256) {
    throw new Refused("verifier_bg.wasm", "contents", "verifier_bg.wasm: its contents differ from the ones this worker was built with (SHA-256)");
  }
  await wasm_bindgen({ module_or_path: bytes });
  verifier = wasm_bindgen;
  return verifier;
}

class Refused extends Error {
  constructor(file, kind, reason) {
    super(reason);
    this.file = file;
    this.kind = kind;
  }
}

// ---- fetching from the mirror

// Fetches one of the mirror's files, past every HTTP cache. A network
// failure (offline, host gone) throws a TypeError, which is not a
// refusal: the verified copy simply stays.
async function mirrorBytes(base, path) {
  const response = await fetch(new URL(path, base), { cache: "no-store" });
  if (!response.ok) throw new Refused(path, "missing", "the mirror answered " + response.status + " for " + path);
  return new Uint8Array(await response.arrayBuffer());
}

function keyFromConfig(bytes) {
  if (!bytes) return "";
  try {
    const config = JSON.parse(new TextDecoder().decode(bytes));
    return typeof config.publicKey === "string" && config.publicKey.includes("\n") ? config.publicKey : "";
  } catch (unreadable) {
    return "";
  }
}

// ---- checking a release

async function check() {
  const state = await readState();
  let key = pinnedKey || state.key || "";
  let config = null;
  if (!key) {
    config = await mirrorBytes(SCOPE, CONFIG).catch(() => null);
    key = keyFromConfig(config);
    if (!key) {
      await tell({ type: "status", verified: false });
      return;
    }
  }
  const [bytes, signature] = await Promise.all([mirrorBytes(SCOPE, MANIFEST), mirrorBytes(SCOPE, SIGNATURE)]);
  const wasm = await loadVerifier();
  const last = state.seen ? JSON.stringify(state.seen) : undefined;
  const verdict = JSON.parse(wasm.accept_manifest(bytes, signature, key, last, Date.now()));
  if (!verdict.ok) throw new Refused(MANIFEST, verdict.kind, verdict.error);
  if (config) {
    // A key from config.json counts only when the manifest it verified
    // lists that config.json: then the publisher, not a re-host, wrote it.
    const entry = verdict.files.find((file) => file.path === CONFIG);
    if (!entry || wasm.check_file(JSON.stringify(entry), config) !== undefined) {
      await tell({ type: "status", verified: false });
      return;
    }
    state.key = key;
  }
  state.seen = verdict.seen;
  const sameAs = (release) => release && release.sha256 === verdict.seen.sha256;
  if (sameAs(state.current)) {
    state.problem = null;
    await saveState(state);
    await tell({ type: "status", verified: true, serial: state.current.serial });
    return;
  }
  if (sameAs(state.pending)) {
    await saveState(state);
    await tell({ type: "update-ready", serial: state.pending.serial });
    return;
  }
  await saveState(state);
  const release = await download(verdict, state.current, wasm);
  state.problem = null;
  if (!state.current) {
    state.current = release;
  } else {
    if (state.pending) await caches.delete(state.pending.cache);
    state.pending = release;
  }
  await saveState(state);
  if (state.pending) await tell({ type: "update-ready", serial: release.serial });
  else await tell({ type: "status", verified: true, serial: release.serial });
}

// Every file of an accepted manifest into a cache of its own, each one
// checked; files unchanged since the current release are taken from it.
async function download(verdict, current, wasm) {
  const name = PREFIX + verdict.serial + " " + verdict.seen.sha256;
  const cache = await caches.open(name);
  const known = current ? await caches.open(current.cache) : null;
  const files = {};
  try {
    for (const entry of verdict.files) {
      let bytes = null;
      if (known && current.files[entry.path] === entry.sha256) {
        const kept = await known.match(at(entry.path));
        if (kept) bytes = new Uint8Array(await kept.arrayBuffer());
      }
      if (!bytes) bytes = await mirrorBytes(SCOPE, entry.path);
      const problem = wasm.check_file(JSON.stringify(entry), bytes);
      if (problem !== undefined) throw new Refused(entry.path, "contents", problem);
      await cache.put(at(entry.path), new Response(bytes, { headers: { "Content-Type": entry.type } }));
      files[entry.path] = entry.sha256;
    }
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
  return { cache: name, serial: verdict.serial, sha256: verdict.seen.sha256, files };
}

let running = null;
// Whether the last check found this copy's host silent.
let hostUnreachable = false;
function checkOnce() {
  if (!running) {
    running = exclusive(async () => {
      try {
        await check();
        hostUnreachable = false;
      } catch (error) {
        if (error instanceof Refused) {
          await refuse(await readState(), error.file, error.kind, error.message);
        } else {
          // Offline, or this copy's host gone: not a refusal, but the page
          // may offer the publisher's other mirrors.
          hostUnreachable = true;
          await tell({ type: "host-unreachable", mirror: SCOPE });
        }
      }
    }).finally(() => {
      running = null;
    });
  }
  return running;
}

function applyUpdate() {
  return exclusive(async () => {
    const state = await readState();
    if (!state.pending) return;
    const old = state.current;
    state.current = state.pending;
    state.pending = null;
    state.problem = null;
    await saveState(state);
    if (old) await caches.delete(old.cache);
    await tell({ type: "updated", serial: state.current.serial });
  });
}

// Whether another copy of the client answers at `url` with a manifest
// the publisher's key verifies, not older than the one in use.
async function checkMirror(url) {
  const base = new URL(url, SCOPE);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  const answer = { type: "mirror-checked", url: base.href, reachable: false, valid: false };
  const state = await readState();
  let bytes, signature;
  try {
    [bytes, signature] = await Promise.all([mirrorBytes(base, MANIFEST), mirrorBytes(base, SIGNATURE)]);
  } catch (error) {
    answer.error = error.message;
    return answer;
  }
  answer.reachable = true;
  const key = pinnedKey || state.key;
  if (!key) {
    answer.error = "no publisher key is known to check it with";
    return answer;
  }
  try {
    const wasm = await loadVerifier();
    const last = state.seen ? JSON.stringify(state.seen) : undefined;
    const verdict = JSON.parse(wasm.accept_manifest(bytes, signature, key, last, Date.now()));
    answer.valid = verdict.ok;
    if (verdict.ok) answer.serial = verdict.serial;
    else Object.assign(answer, { kind: verdict.kind, error: verdict.error });
  } catch (error) {
    answer.error = error.message;
  }
  return answer;
}
