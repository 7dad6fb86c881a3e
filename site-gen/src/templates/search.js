// The search page's client: reads the index under search/ (its layout is
// described in site-gen/src/search/mod.rs). Every index file is a script
// that calls __samizdatSearch(name, data), loaded through a script element,
// which works from file:// where fetch does not. fold() and words() mirror
// site-gen's folding; a change there must be made here too.
(function () {
  'use strict';
  var form = document.querySelector('[data-search]');
  if (!form) return;
  var input = form.querySelector('[data-search-input]');
  var status = document.querySelector('[data-search-status]');
  var list = document.querySelector('[data-search-results]');
  var moreButton = document.querySelector('[data-search-more]');
  var base = new URL(form.getAttribute('data-index'), location.href);
  var root = new URL(form.getAttribute('data-root'), location.href);
  var SCREEN = 10;
  var MIN_STEM = 3;
  var MAX_SUFFIX = 4;
  var MAX_WORD = 40;

  var waiting = {};
  var loading = {};
  window.__samizdatSearch = function (name, data) {
    var wait = waiting[name];
    if (wait) {
      delete waiting[name];
      wait(data);
    }
  };

  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var script = document.createElement('script');
        script.src = new URL(name + '.js', base).href;
        script.onload = function () {
          script.remove();
          if (waiting[name]) {
            delete waiting[name];
            reject(new Error(name + ' did not register'));
          }
        };
        script.onerror = function () {
          script.remove();
          delete waiting[name];
          reject(new Error('cannot load ' + script.src));
        };
        document.head.appendChild(script);
      });
      loading[name].catch(function () {
        delete loading[name];
      });
    }
    return loading[name];
  }

  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
      .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) {
      return word && Array.from(word).length <= MAX_WORD;
    });
  }

  // The fragment whose first key is the last one not after `key`.
  function fragmentOf(firsts, key) {
    var low = 0, high = firsts.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= key) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function addStems(stems, word, value) {
    (value === '' ? [word] : value.split(' ')).forEach(function (stem) {
      stems.add(stem);
    });
  }

  async function postings(entry, stem) {
    var number = fragmentOf(entry.stems, stem);
    if (number < 0) return null;
    var fragment = await load('p/' + number);
    if (!has(fragment, stem)) return null;
    var value = fragment[stem];
    return { id: value[0], total: value[1], pairs: value[2], next: 1 };
  }

  // The stems a query word stands for: its own when some article spells
  // it so; the last word, still being typed, also brings the words it
  // starts; else the longest stem that starts it (itself included).
  async function stemsOf(entry, word, typing) {
    var stems = new Set();
    var number = fragmentOf(entry.words, word);
    var dictionary = number < 0 ? {} : await load('w/' + number);
    if (has(dictionary, word)) {
      addStems(stems, word, dictionary[word]);
      return stems;
    }
    if (typing) {
      Object.keys(dictionary).filter(function (known) {
        return known.startsWith(word);
      }).slice(0, 20).forEach(function (known) {
        addStems(stems, known, dictionary[known]);
      });
      if (stems.size) return stems;
    }
    var shortest = Math.max(MIN_STEM, word.length - MAX_SUFFIX);
    for (var length = word.length; length >= shortest; length--) {
      var prefix = word.slice(0, length);
      if (await postings(entry, prefix)) {
        stems.add(prefix);
        break;
      }
    }
    return stems;
  }

  async function nextPage(posting) {
    var more = await load('m/' + posting.id + '-' + posting.next);
    posting.pairs = posting.pairs.concat(more);
    posting.next += 1;
  }

  function complete(posting) {
    return posting.pairs.length / 2 >= posting.total;
  }

  // Articles found in every word's postings and every filter, best first.
  function rank(entry, groups, filters) {
    var totals = null;
    groups.forEach(function (postingsOfWord) {
      var scores = new Map();
      postingsOfWord.forEach(function (posting) {
        var weight = Math.log(1 + entry.docs / posting.total);
        for (var i = 0; i < posting.pairs.length; i += 2) {
          var doc = posting.pairs[i], score = posting.pairs[i + 1] * weight;
          if (!(scores.get(doc) >= score)) scores.set(doc, score);
        }
      });
      if (totals === null) {
        totals = scores;
      } else {
        var both = new Map();
        totals.forEach(function (score, doc) {
          if (scores.has(doc)) both.set(doc, score + scores.get(doc));
        });
        totals = both;
      }
    });
    var docs = totals === null ? filters[0] || [] : Array.from(totals.keys());
    filters.forEach(function (allowed) {
      var set = new Set(allowed);
      docs = docs.filter(function (doc) { return set.has(doc); });
    });
    if (totals !== null) {
      docs.sort(function (a, b) { return totals.get(b) - totals.get(a) || a - b; });
    } else {
      docs.sort(function (a, b) { return a - b; });
    }
    return docs;
  }

  async function find(query, chosen, wanted) {
    var entry = await load('entry');
    var queryWords = words(query);
    var groups = [];
    var stems = [];
    for (var i = 0; i < queryWords.length; i++) {
      var wordStems = Array.from(await stemsOf(entry, queryWords[i], i === queryWords.length - 1));
      var found = (await Promise.all(wordStems.map(function (stem) {
        return postings(entry, stem);
      }))).filter(Boolean);
      if (!found.length) return { docs: [], count: 0, words: queryWords, stems: stems };
      groups.push(found);
      stems = stems.concat(wordStems);
    }
    var filters = await Promise.all(chosen.map(function (filter) {
      return load('f/' + filter.kind + '-' + filter.value);
    }));
    for (;;) {
      var docs = rank(entry, groups, filters);
      var pending = [].concat.apply([], groups).filter(function (posting) {
        return !complete(posting);
      });
      if (docs.length >= wanted || !pending.length) {
        var single = groups.length === 1 && groups[0].length === 1 && !filters.length;
        var count = single ? groups[0][0].total : docs.length;
        return { docs: docs, count: count, more: pending.length > 0, words: queryWords, stems: stems };
      }
      await Promise.all(pending.map(nextPage));
    }
  }

  function link(url) {
    var target = new URL(url, root);
    if (location.protocol === 'file:' && target.pathname.endsWith('/')) {
      target.pathname += 'index.html';
    }
    return target.href;
  }

  // A passage of the text around the first word found, words marked.
  function excerpt(text, isHit) {
    var pattern = /[\p{L}\p{N}]+/gu, match, pieces = [], first = -1;
    while ((match = pattern.exec(text))) {
      var hit = isHit(match[0]);
      if (hit && first < 0) first = pieces.length;
      pieces.push({ start: match.index, end: match.index + match[0].length, hit: hit });
    }
    var paragraph = document.createElement('p');
    if (!pieces.length) return paragraph;
    var from = Math.max(0, first - 12);
    var to = Math.min(pieces.length, from + 40);
    var at = pieces[from].start;
    if (from > 0) paragraph.append('… ');
    for (var i = from; i < to; i++) {
      paragraph.append(text.slice(at, pieces[i].start));
      var word = text.slice(pieces[i].start, pieces[i].end);
      if (pieces[i].hit) {
        var mark = document.createElement('mark');
        mark.textContent = word;
        paragraph.append(mark);
      } else {
        paragraph.append(word);
      }
      at = pieces[i].end;
    }
    paragraph.append(to < pieces.length ? text.slice(at, pieces[to].start).trimEnd() + ' …' : text.slice(at));
    return paragraph;
  }

  function hitTest(found) {
    return function (word) {
      var folded = fold(word);
      return found.words.indexOf(folded) >= 0 || found.stems.some(function (stem) {
        return stem.length >= MIN_STEM ? folded.startsWith(stem) : folded === stem;
      });
    };
  }

  function result(metadata, isHit) {
    var item = document.createElement('li');
    item.setAttribute('data-search-result', metadata.u);
    item.lang = metadata.l;
    var heading = document.createElement('h2');
    var anchor = document.createElement('a');
    anchor.href = link(metadata.u);
    anchor.textContent = metadata.t;
    heading.append(anchor);
    var meta = document.createElement('p');
    meta.className = 'meta';
    if (metadata.d) {
      var time = document.createElement('time');
      time.dateTime = metadata.d;
      time.textContent = metadata.d;
      meta.append(time);
    }
    if (metadata.a.length) meta.append((metadata.d ? ' · ' : '') + metadata.a.join(', '));
    item.append(heading, meta, excerpt(metadata.x, isHit));
    return item;
  }

  var shown = SCREEN;
  var generation = 0;

  function chosenFilters() {
    return Array.from(form.querySelectorAll('[data-search-filter]')).filter(function (select) {
      return select.value !== '';
    }).map(function (select) {
      return { kind: select.getAttribute('data-search-filter'), value: select.value };
    });
  }

  async function search() {
    var current = ++generation;
    var query = input.value;
    var chosen = chosenFilters();
    status.removeAttribute('data-search-done');
    if (!words(query).length && !chosen.length) {
      list.replaceChildren();
      status.textContent = '';
      moreButton.hidden = true;
      status.setAttribute('data-search-done', '');
      return;
    }
    try {
      var found = await find(query, chosen, shown + 1);
      var page = found.docs.slice(0, shown);
      var entry = await load('entry');
      var metadata = await Promise.all(page.map(function (doc) {
        return load('d/' + Math.floor(doc / entry.group)).then(function (group) {
          return group[doc % entry.group];
        });
      }));
      if (current !== generation) return;
      var isHit = hitTest(found);
      list.replaceChildren.apply(list, metadata.map(function (one) { return result(one, isHit); }));
      status.textContent = found.docs.length
        ? found.count + (found.more && found.count === found.docs.length ? '+' : '') + ' ' + form.getAttribute('data-found')
        : form.getAttribute('data-none');
      moreButton.hidden = found.docs.length <= shown;
      status.setAttribute('data-search-done', query);
    } catch (error) {
      if (current !== generation) return;
      status.textContent = error.message;
      status.setAttribute('data-search-done', query);
    }
  }

  var timer = null;
  function later() {
    shown = SCREEN;
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  }

  async function fillFilters() {
    var filters = await load('filters');
    form.querySelectorAll('[data-search-filter]').forEach(function (select) {
      (filters[select.getAttribute('data-search-filter')] || []).forEach(function (name, number) {
        var option = document.createElement('option');
        option.value = String(number);
        option.textContent = name;
        select.append(option);
      });
    });
  }

  form.hidden = false;
  input.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  moreButton.addEventListener('click', function () {
    shown += SCREEN;
    search();
  });
  var asked = new URLSearchParams(location.search).get('q');
  fillFilters().catch(function () {}).then(function () {
    if (asked) {
      input.value = asked;
      search();
    }
  });
})();
