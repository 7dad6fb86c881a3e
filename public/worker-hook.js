// The page's side of the service worker (worker-page.js), fetched once
// the page has loaded so that none of it is in the way of the first
// screen.
addEventListener("load", function () {
  var script = document.createElement("script");
  script.src = "worker-page.js";
  document.head.appendChild(script);
});
