// Before the code has loaded: connect to the server the route names
// and, for a public timeline read without an account there, ask for
// its first page now. The client takes this answer when it asks for
// exactly this URL (app/src/browser/first_page.rs). A classic script in
// the page's head, so the request starts before the wasm loads; a file
// of its own, because the page's Content-Security-Policy runs no inline
// script.
(function () {
  var route = /^#\/(\[::1\]|[a-z0-9.-]+)(:[0-9]{1,5})?(\/.*)?$/.exec(location.hash);
  if (!route) return;
  var host = route[1], server = host + (route[2] || "");
  var loopback = host === "localhost" || host === "[::1]" || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host);
  var origin = (loopback ? "http://" : "https://") + server;
  var hint = document.createElement("link");
  hint.rel = "preconnect";
  hint.href = origin;
  hint.crossOrigin = "";
  document.head.appendChild(hint);
  var timeline = { "": "", "/": "", "/public": "", "/public/": "", "/public/local": "?local=true", "/public/local/": "?local=true" }[route[3] || ""];
  if (timeline === undefined) return;
  try {
    if ((localStorage.getItem("samizdat.accounts") || "").indexOf('"' + server + '"') >= 0) return;
  } catch (blocked) {}
  var url = origin + "/api/v1/timelines/public" + timeline;
  var response = fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" });
  // A failure the client never asks about is not an error to report.
  response.catch(function () {});
  window.samizdatFirstPage = { url: url, response: response };
})();
