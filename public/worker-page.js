// The page's side of the service worker, loaded by worker-hook.js once the
// page has loaded, so none of it is in the way of the first screen: the
// worker's news reaches the page all the same, since the worker repeats
// what it knows when the page says hello.
// The service worker (sw.js) keeps the last verified copy of the
// client. What it reports for the reader (a refused file, a release
// ready) is kept in samizdatWorkerNews as JSON for the client's
// app/src/views/worker_news.rs, which hears of each change by a
// "samizdat-worker" event and answers with "samizdat-apply-update".
(function () {
  var container = navigator.serviceWorker;
  if (!container) return;
  var news = {};
  container.onmessage = function (event) {
    var message = event.data || {};
    if (message.type === "updated") return location.reload();
    if (message.type === "integrity") news.integrity = message;
    else if (message.type === "update-ready") news.update = message;
    else if (message.type === "host-unreachable") return checkMirrors(message.mirror);
    else if (message.type === "mirror-checked" && message.valid) {
      news.mirrors = (news.mirrors || []).filter(function (kept) {
        return kept.url !== message.url;
      });
      news.mirrors.push({ url: message.url, serial: message.serial });
    } else return;
    window.samizdatWorkerNews = JSON.stringify(news);
    dispatchEvent(new Event("samizdat-worker"));
  };
  function tell(message) {
    container.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage(message);
    });
  }
  // This copy's host is silent: the publisher's other mirrors, from
  // the signed config.json the worker kept, each checked by the
  // worker for an answer and a valid signature before it is offered.
  var mirrorsChecked = false;
  function checkMirrors(here) {
    if (mirrorsChecked) return;
    mirrorsChecked = true;
    fetch("config.json").then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (config) {
      (Array.isArray(config.mirrors) ? config.mirrors : []).forEach(function (url) {
        if (typeof url !== "string") return;
        var absolute = new URL(url, location.href).href;
        if (absolute !== here) tell({ type: "check-mirror", url: absolute });
      });
    }, function () {});
  }
  addEventListener("samizdat-apply-update", function () {
    tell({ type: "apply-update" });
  });
  container.register("sw.js").then(function () {
    tell({ type: "hello" });
    // A reader who keeps the client open still hears of a release.
    setInterval(function () {
      tell({ type: "check" });
    }, 30 * 60 * 1000);
  }, function () {});
})();
