/*
 * BzPeer site behaviour, loaded with `defer` on every page: the header search,
 * the copy buttons and marking the page's own researcher in author lists.
 * No dependencies, no inline markup from data (text goes in through
 * textContent), no requests beyond the site's own search.json.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var base = document.body.dataset.base || "/";

  /* One polite live region for short announcements (result counts, "Copied"). */
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function announce(text) {
    status.textContent = "";
    // A fresh text node after a tick so screen readers repeat identical messages.
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  /* Case- and accent-insensitive form: NFD, drop combining marks, lower case. */
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  /* ------------------------------------------------------------ search */

  function setupSearch(form) {
    var input = form.querySelector("input[type=search]");
    var list = document.getElementById("site-search-results");
    if (!input || !list || !form.dataset.searchIndex) {
      return;
    }

    var items = null;      // [{kind, title, detail, url, title_f, detail_f}] once loaded
    var loading = null;    // the pending load, so focus and input share one request
    var results = [];      // the items on show
    var active = -1;       // index into results of the highlighted option

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");

    function load() {
      if (!loading) {
        loading = fetch(form.dataset.searchIndex, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) {
              throw new Error("HTTP " + response.status);
            }
            return response.json();
          })
          .then(function (index) {
            items = (index.items || []).map(function (row) {
              return {
                kind: String(row[0]), title: String(row[1]), detail: String(row[2] || ""), url: String(row[3]),
                title_f: fold(String(row[1])), detail_f: fold(String(row[2] || ""))
              };
            });
          })
          .catch(function () {
            items = [];
            loading = null; // allow a retry on the next focus
            showMessage("Search is not available right now.");
          });
      }
      return loading;
    }

    /* Every word must occur in the title or the detail; title hits rank first, then prefix hits. */
    function search(query) {
      var words = fold(query).split(/\s+/).filter(Boolean);
      if (words.length === 0) {
        return [];
      }
      var scored = [];
      items.forEach(function (item, order) {
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var w = words[i];
          var at = item.title_f.indexOf(w);
          if (at === 0) {
            score += 4;
          } else if (at > 0) {
            score += /[\s\-–:(]/.test(item.title_f.charAt(at - 1)) ? 3 : 2;
          } else if (item.detail_f.indexOf(w) >= 0) {
            score += 1;
          } else {
            return;
          }
        }
        scored.push({ item: item, score: score, order: order });
      });
      scored.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
      return scored.slice(0, MAX_RESULTS).map(function (s) { return s.item; });
    }

    /* Appends text to parent with each word's first match wrapped in <mark>, matching on the folded form. */
    function appendHighlighted(parent, text, words) {
      var chars = Array.from(text);
      var folded = "";
      var owner = []; // owner[k] = index in chars of folded character k
      chars.forEach(function (ch, i) {
        var f = fold(ch);
        folded += f;
        for (var k = 0; k < f.length; k++) {
          owner.push(i);
        }
      });
      var marked = new Array(chars.length).fill(false);
      words.forEach(function (w) {
        var at = folded.indexOf(w);
        if (at >= 0) {
          for (var k = at; k < at + w.length; k++) {
            marked[owner[k]] = true;
          }
        }
      });
      var i = 0;
      while (i < chars.length) {
        var j = i;
        while (j < chars.length && marked[j] === marked[i]) {
          j++;
        }
        var piece = chars.slice(i, j).join("");
        if (marked[i]) {
          var mark = document.createElement("mark");
          mark.textContent = piece;
          parent.appendChild(mark);
        } else {
          parent.appendChild(document.createTextNode(piece));
        }
        i = j;
      }
    }

    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function showMessage(text) {
      results = [];
      list.replaceChildren();
      var p = document.createElement("p");
      p.className = "search-empty";
      p.textContent = text;
      list.appendChild(p);
      open();
      announce(text);
    }

    function render(query) {
      results = search(query);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (results.length === 0) {
        showMessage("No matches for “" + query.trim() + "”.");
        return;
      }
      var words = fold(query).split(/\s+/).filter(Boolean);
      list.replaceChildren();
      results.forEach(function (item, i) {
        // An anchor, so middle-click and "open in new tab" work; role=option for the listbox.
        var option = document.createElement("a");
        option.className = "search-option";
        option.id = "site-search-option-" + i;
        option.href = base + item.url;
        option.tabIndex = -1;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");

        var kind = document.createElement("span");
        kind.className = "search-kind search-kind-" + item.kind.replace(/[^a-z-]/g, "");
        kind.textContent = item.kind;
        var title = document.createElement("span");
        title.className = "search-title";
        appendHighlighted(title, item.title, words);
        option.append(kind, title);
        if (item.detail) {
          var detail = document.createElement("span");
          detail.className = "search-detail";
          detail.textContent = item.detail;
          option.appendChild(detail);
        }
        list.appendChild(option);
      });
      open();
      announce(results.length === 1 ? "1 result" : results.length + " results");
    }

    function setActive(index) {
      var options = list.querySelectorAll(".search-option");
      if (options.length === 0) {
        return;
      }
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function go(item) {
      window.location.assign(base + item.url);
    }

    function update() {
      var query = input.value;
      if (query.trim() === "") {
        results = [];
        list.replaceChildren();
        close();
        return;
      }
      if (items) {
        render(query);
      } else {
        load().then(function () {
          if (items && items.length > 0 && input.value === query) {
            render(query);
          }
        });
      }
    }

    input.addEventListener("focus", function () {
      load();
      if (input.value.trim() !== "" && list.hidden && items) {
        render(input.value);
      }
    });

    input.addEventListener("input", update);

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden && input.value.trim() !== "") {
          update();
        }
        if (results.length > 0) {
          event.preventDefault();
          setActive(active + (event.key === "ArrowDown" ? 1 : -1));
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        go(results[active]);
      }
    });

    // Enter without a highlighted option, or the form submitted otherwise: go to the best match.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value;
      if (query.trim() === "") {
        return;
      }
      load().then(function () {
        if (!items || items.length === 0) {
          return;
        }
        var found = search(query);
        if (found.length > 0) {
          go(found[active >= 0 && active < found.length ? active : 0]);
        } else {
          render(query);
        }
      });
    });

    // Mouse: the option is a link, so a plain click navigates; keep focus off it on press.
    list.addEventListener("mousedown", function (event) {
      if (event.target.closest(".search-option")) {
        event.preventDefault();
      }
    });

    list.addEventListener("mousemove", function (event) {
      var option = event.target.closest(".search-option");
      if (option) {
        var index = Array.prototype.indexOf.call(list.querySelectorAll(".search-option"), option);
        if (index !== active) {
          setActive(index);
        }
      }
    });

    // Close when focus or a click goes elsewhere.
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) {
        close();
      }
    });

    document.addEventListener("pointerdown", function (event) {
      if (!form.contains(event.target)) {
        close();
      }
    });

    // Without JavaScript the form lands on the home page as ?q=…; with it, pick the search up there.
    var pending = new URLSearchParams(window.location.search).get("q");
    if (pending && pending.trim() !== "") {
      input.value = pending;
      input.focus();
      update();
    }
  }

  /* ------------------------------------------------------------ copy buttons */

  function copyText(text, source) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(source); });
    }
    return legacyCopy(source);
  }

  // Fallback for plain-http previews, where the async clipboard API is missing.
  function legacyCopy(source) {
    return new Promise(function (resolve, reject) {
      source.focus();
      source.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      if (ok) {
        resolve();
      } else {
        reject(new Error("copy refused"));
      }
    });
  }

  function setupCopyButtons() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest("button.copy-button[data-copy-target]");
      if (!button) {
        return;
      }
      var source = document.getElementById(button.dataset.copyTarget);
      if (!source) {
        return;
      }
      var text = "value" in source ? source.value : source.textContent;
      if (!button.dataset.label) {
        button.dataset.label = button.textContent;
      }
      window.clearTimeout(Number(button.dataset.timer || 0));

      copyText(text, source).then(function () {
        button.textContent = "Copied";
        button.classList.add("is-copied");
        announce("Copied to the clipboard");
      }, function () {
        // Leave the text selected so the reader can copy it by hand.
        source.focus();
        source.select();
        button.textContent = "Press Ctrl+C to copy";
        announce("Copying failed; the text is selected, press Control C to copy it");
      }).then(function () {
        button.dataset.timer = String(window.setTimeout(function () {
          button.textContent = button.dataset.label;
          button.classList.remove("is-copied");
        }, 2000));
      });
    });
  }

  /* ------------------------------------------------------------ own name in author lists */

  // On a profile, the researcher's own name in each author list links to this very page: mark it.
  function markCurrentAuthor() {
    var here = window.location.pathname;
    document.querySelectorAll(".authors a[href]").forEach(function (link) {
      if (link.pathname === here) {
        link.setAttribute("aria-current", "page");
      }
    });
  }

  document.querySelectorAll("form.site-search").forEach(setupSearch);
  setupCopyButtons();
  markCurrentAuthor();
})();
