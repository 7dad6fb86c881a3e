// Refreshes the replies under an article from the server that carries
// them, and lets readers reply from their own server. What the server
// sends is parsed into an inert document and rebuilt from an allowlist:
// none of its markup ever reaches the page as markup. When the server
// cannot be reached or refuses, the replies from the build stay.
(function () {
  "use strict";
  var MAX_DEPTH = 8;
  var KEPT = { P: 1, BR: 1, A: 1, SPAN: 1, STRONG: 1, EM: 1, B: 1, I: 1, CODE: 1, PRE: 1, BLOCKQUOTE: 1, UL: 1, OL: 1, LI: 1 };
  var DROPPED = { SCRIPT: 1, STYLE: 1, IFRAME: 1, OBJECT: 1, EMBED: 1, SVG: 1, MATH: 1, TEMPLATE: 1, NOSCRIPT: 1, TEXTAREA: 1, SELECT: 1, TITLE: 1, HEAD: 1 };
  var section = document.querySelector("[data-comments]");
  if (!section) return;
  var server = webUrl(section.getAttribute("data-server"));
  var statusId = section.getAttribute("data-status-id") || "";
  var postUrl = webUrl(section.getAttribute("data-post-url"));
  if (!server || !/^[A-Za-z0-9_-]+$/.test(statusId)) return;
  var host = new URL(server).host;
  function label(key) { return section.getAttribute("data-label-" + key) || ""; }

  function webUrl(text) {
    try {
      var url = new URL(text || "");
      return url.protocol === "http:" || url.protocol === "https:" ? url.href.replace(/\/$/, "") : null;
    } catch (e) {
      return null;
    }
  }

  function el(name, attrs, children) {
    var node = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // Rebuilds a reply's HTML from the allowlist, text as text.
  function clean(html) {
    var inert = new DOMParser().parseFromString("<!doctype html><body>" + String(html || ""), "text/html");
    var out = document.createDocumentFragment();
    copy(inert.body, out);
    return out;
  }

  function copy(from, to) {
    Array.prototype.forEach.call(from.childNodes, function (node) {
      if (node.nodeType === 3) {
        to.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === 1) {
        var name = node.nodeName.toUpperCase();
        if (DROPPED[name]) return;
        if (!KEPT[name]) { copy(node, to); return; }
        if (name === "A") {
          var href = webUrl(node.getAttribute("href"));
          if (!href) { copy(node, to); return; }
          var link = el("a", { href: node.getAttribute("href"), rel: "nofollow ugc noopener", target: "_blank" });
          copy(node, link);
          to.appendChild(link);
          return;
        }
        var kept = document.createElement(name.toLowerCase());
        copy(node, kept);
        to.appendChild(kept);
      }
    });
  }

  function counts(status) {
    return [
      el("span", { "data-count": "replies" }, [(Number(status.replies_count) || 0) + " " + label("replies")]),
      " · ",
      el("span", { "data-count": "reblogs" }, [(Number(status.reblogs_count) || 0) + " " + label("boosts")]),
      " · ",
      el("span", { "data-count": "favourites" }, [(Number(status.favourites_count) || 0) + " " + label("favourites")])
    ];
  }

  function shownTime(text) {
    var at = new Date(text);
    if (isNaN(at.getTime())) return String(text || "");
    var iso = at.toISOString();
    return iso.slice(0, 10) + " " + iso.slice(11, 16) + " UTC";
  }

  function linked(url, cls, inner) {
    var href = webUrl(url);
    return href ? el("a", { "class": cls, href: url, rel: "nofollow ugc noopener" }, inner) : el("span", {}, inner);
  }

  function reply(status, depth, byParent, placed, list) {
    placed[status.id] = true;
    var account = status.account || {};
    var acct = String(account.acct || "");
    if (acct && acct.indexOf("@") < 0) acct += "@" + host;
    var header = el("header");
    var avatar = webUrl(account.avatar);
    if (avatar) {
      header.appendChild(el("img", { "class": "avatar", src: account.avatar, alt: "", width: "40", height: "40", loading: "lazy", referrerpolicy: "no-referrer" }));
      header.appendChild(document.createTextNode(" "));
    }
    var name = String(account.display_name || "").trim() || acct;
    header.appendChild(linked(account.url, "author", [el("span", { "class": "display-name" }, [name]), " ", el("span", { "class": "acct" }, ["@" + acct])]));
    header.appendChild(document.createTextNode(" · "));
    header.appendChild(linked(status.url || status.uri, "permalink", [el("time", { datetime: String(status.created_at || "") }, [shownTime(status.created_at)])]));
    var content = el("div", { "class": "content" }, [clean(status.content)]);
    var warning = String(status.spoiler_text || "").trim();
    var body = warning || status.sensitive
      ? el("details", { "class": "content-warning" }, [el("summary", {}, [warning || label("content-warning")]), content])
      : content;
    var item = el("li", { "class": "comment", "data-comment-id": String(status.id) }, [
      el("article", {}, [header, body, el("p", { "class": "counts" }, counts(status))])
    ]);
    list.appendChild(item);
    var children = (byParent[status.id] || []).filter(function (child) { return !placed[child.id]; });
    if (!children.length) return;
    var below = list;
    if (depth + 1 < MAX_DEPTH) {
      below = el("ol");
      item.appendChild(below);
    }
    children.forEach(function (child) {
      if (!placed[child.id]) reply(child, below === list ? depth : depth + 1, byParent, placed, below);
    });
  }

  function render(descendants, post) {
    var statuses = descendants.filter(function (s) { return s && typeof s.id === "string" && s.id; });
    statuses.sort(function (a, b) {
      var at = String(a.created_at || ""), bt = String(b.created_at || "");
      if (at !== bt) return at < bt ? -1 : 1;
      if (a.id.length !== b.id.length) return a.id.length - b.id.length;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    var ids = {}, byParent = {}, roots = [], placed = {};
    statuses.forEach(function (s) { ids[s.id] = true; });
    statuses.forEach(function (s) {
      var parent = s.in_reply_to_id;
      if (parent && parent !== s.id && ids[parent]) (byParent[parent] = byParent[parent] || []).push(s);
      else roots.push(s);
    });
    var list = el("ol", { "class": "comment-thread", "data-comment-list": "" });
    roots.forEach(function (s) { if (!placed[s.id]) reply(s, 0, byParent, placed, list); });
    statuses.forEach(function (s) { if (!placed[s.id]) reply(s, 0, byParent, placed, list); });
    var old = section.querySelector("[data-comment-list]");
    if (old) old.parentNode.replaceChild(list, old);
    var total = section.querySelector("[data-total]");
    if (total) total.textContent = String(statuses.length);
    var none = section.querySelector("[data-comments-none]");
    if (none) none.hidden = statuses.length > 0;
    var summary = section.querySelector("[data-comments-total]");
    if (post && summary) {
      var spans = summary.querySelectorAll("[data-count]");
      var fresh = counts(post).filter(function (part) { return typeof part !== "string"; });
      Array.prototype.forEach.call(spans, function (span, index) {
        if (fresh[index]) span.textContent = fresh[index].textContent;
      });
    }
  }

  function getJson(path) {
    return fetch(server + path, { headers: { Accept: "application/json" }, credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
  }

  function refresh() {
    var base = "/api/v1/statuses/" + encodeURIComponent(statusId);
    var post = getJson(base).catch(function () { return null; });
    getJson(base + "/context")
      .then(function (context) {
        if (!context || !Array.isArray(context.descendants)) throw new Error("not a context");
        return post.then(function (status) {
          render(context.descendants, status);
          section.setAttribute("data-comments-refresh", "live");
        });
      })
      .catch(function () {
        section.setAttribute("data-comments-refresh", "kept");
      });
  }

  // `user@server.example`, `@user@server.example`, `https://server.example/…`
  // or `server.example`: the reader's server.
  function readerServer(text) {
    var value = String(text || "").trim().replace(/^@/, "");
    if (/^https?:\/\//i.test(value)) {
      try { return new URL(value).host; } catch (e) { return null; }
    }
    if (value.indexOf("@") >= 0) value = value.slice(value.lastIndexOf("@") + 1);
    value = value.replace(/\/.*$/, "");
    return /^[A-Za-z0-9.-]+(:[0-9]+)?$/.test(value) && value.indexOf(".") > 0 ? value : null;
  }

  var form = section.querySelector("form[data-reply-elsewhere]");
  if (form && postUrl) {
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = form.querySelector("input[name=server]");
      var target = readerServer(input && input.value);
      if (!target) {
        if (input) input.setCustomValidity(label("server-hint") || "server.example");
        if (input) input.reportValidity();
        return;
      }
      if (input) input.setCustomValidity("");
      window.open("https://" + target + "/authorize_interaction?uri=" + encodeURIComponent(section.getAttribute("data-post-url")), "_blank", "noopener");
    });
  }
  refresh();
})();
