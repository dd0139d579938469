/*
 * BzPeer research graph widgets.
 *
 * Finds every `.bz-graph` container, fetches its `data-graph-src` (graph JSON
 * version 1, see docs/graph-json.md), draws it and then sets
 * `data-graph-ready="true"` and `data-graph-nodes="N"` once the first frame is
 * on screen. Three modes (`data-graph-mode`):
 *
 *   panel    - an SVG slice on a profile page: zoom, pan, labels on hover and
 *              focus, nodes are keyboard-reachable links.
 *   embed    - the same, full viewport, for an iframe on another origin:
 *              links open in the top window, plus an "Open in <site>" link.
 *   explorer - the whole graph on canvas (tens of thousands of nodes), with
 *              kind filters, search, a selection side list and the selected
 *              node kept in the URL fragment (#node=<id>).
 *
 * Pages carry a strict Content-Security-Policy, so this file never evaluates
 * strings, never writes `style` attributes (only CSSOM properties and classes)
 * and only requests URLs of its own site. Every string from the JSON is
 * untrusted and only ever reaches the page through textContent or attributes.
 * Positions are precomputed at build time: there is no force simulation.
 */
(function () {
  "use strict";

  var d3 = window.d3;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var TAU = Math.PI * 2;
  var MAX_BASE_RADIUS = 9;
  // Canvas drawing limits, tuned on software-rendered Chromium (CI has no GPU).
  var EDGE_BUDGET = 24000;
  var EDGE_BUDGET_MOVING = 6000;
  var PATH_BATCH = 1000;
  var PIXEL_DOTS_FROM = 4000;
  // Nodes smaller than this radius (CSS px) are squares: at that size nobody sees the difference.
  var SQUARE_BELOW = 1.5;
  var idCounter = 0;

  var KIND_TITLES = {
    researcher: "Researchers",
    external: "External authors",
    publication: "Publications",
    topic: "Topics",
    institution: "Institutions"
  };
  var KIND_SINGULAR = {
    researcher: "researcher",
    external: "external author",
    publication: "publication",
    topic: "topic",
    institution: "institution"
  };

  // ---------------------------------------------------------------- helpers

  function reducedMotion() {
    return window.matchMedia !== undefined &&
      window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgEl(tag, className) {
    var node = document.createElementNS(SVG_NS, tag);
    if (className) node.setAttribute("class", className);
    return node;
  }

  // Kind names become class names and custom property names; keep them tame.
  function cssToken(name) {
    return String(name).toLowerCase().replace(/[^a-z0-9-]/g, "-");
  }

  function kindTitle(kind) {
    return KIND_TITLES[kind] || kind;
  }

  function kindSingular(kind) {
    return KIND_SINGULAR[kind] || kind;
  }

  /** Reads a colour custom property from the container (light or dark set by CSS). */
  function cssVar(container, name, fallback) {
    var value = window.getComputedStyle(container).getPropertyValue(name).trim();
    return value || fallback;
  }

  /** A CSS colour as one opaque 32-bit pixel in the platform's byte order. */
  function packColour(colour) {
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    var ctx = canvas.getContext("2d", { willReadFrequently: true });
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    var rgba = ctx.getImageData(0, 0, 1, 1).data;
    var pixel = new Uint8ClampedArray([rgba[0], rgba[1], rgba[2], 255]);
    return new Uint32Array(pixel.buffer)[0];
  }

  function mark(name) {
    if (window.performance && window.performance.mark) window.performance.mark(name);
  }

  /** Calls fn after the frame drawn now has been presented. */
  function afterNextPaint(fn) {
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(fn);
    });
  }

  /**
   * Resolves a node's site-relative url against the site base. Returns "" for
   * nodes without a page and for anything that would leave the site's origin
   * (the JSON is data, not a source of arbitrary links).
   */
  function pageHref(base, url) {
    if (!url) return "";
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\\/i.test(url)) return "";
    var root;
    try {
      root = new URL(base || "/", document.baseURI);
      var target = new URL(url.replace(/^\/+/, ""), root);
      if (target.origin !== root.origin) return "";
      return target.href;
    } catch (e) {
      return "";
    }
  }

  /** Follows a link like an <a> would: target, modifier keys for a new tab. */
  function openHref(href, target, event) {
    var a = document.createElement("a");
    a.href = href;
    var newTab = event && (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1);
    if (newTab) {
      a.target = "_blank";
      a.rel = "noopener";
    } else if (target) {
      a.target = target;
    }
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function fragmentNode() {
    var hash = window.location.hash.replace(/^#/, "");
    if (!hash) return "";
    var params = new URLSearchParams(hash);
    return params.get("node") || "";
  }

  function writeFragmentNode(id) {
    var hash = id ? "#node=" + encodeURIComponent(id).replace(/%3A/gi, ":") : "";
    var url = window.location.pathname + window.location.search + hash;
    if (window.location.hash !== hash) window.history.replaceState(null, "", url || "#");
  }

  function normalise(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // ---------------------------------------------------------------- data

  /**
   * Turns graph JSON (version 1) into column arrays. Throws with a readable
   * message when the shape is not what docs/graph-json.md promises.
   */
  function parseGraph(json) {
    if (!json || json.version !== 1) throw new Error("unsupported graph version " + (json && json.version));
    if (!Array.isArray(json.nodes) || !Array.isArray(json.edges) || !Array.isArray(json.node_kinds)) {
      throw new Error("graph JSON lacks nodes, edges or node_kinds");
    }
    var n = json.nodes.length;
    var g = {
      kinds: json.node_kinds.map(String),
      edgeKinds: (json.edge_kinds || []).map(String),
      center: typeof json.center === "string" ? json.center : "",
      size: n,
      ids: new Array(n),
      labels: new Array(n),
      urls: new Array(n),
      kind: new Uint8Array(n),
      x: new Float64Array(n),
      y: new Float64Array(n),
      degree: new Uint32Array(n),
      index: new Map()
    };
    for (var i = 0; i < n; i++) {
      var node = json.nodes[i];
      if (!Array.isArray(node) || node.length < 7) throw new Error("node " + i + " is not [id, kind, label, url, x, y, degree]");
      g.ids[i] = String(node[0]);
      g.kind[i] = node[1] >>> 0;
      if (g.kind[i] >= g.kinds.length) throw new Error("node " + i + " has unknown kind " + node[1]);
      g.labels[i] = String(node[2]);
      g.urls[i] = String(node[3] || "");
      g.x[i] = +node[4] || 0;
      g.y[i] = +node[5] || 0;
      g.degree[i] = node[6] >>> 0;
      g.index.set(g.ids[i], i);
    }
    var m = json.edges.length;
    g.edgeCount = m;
    g.source = new Uint32Array(m);
    g.target = new Uint32Array(m);
    g.edgeKind = new Uint8Array(m);
    g.weight = new Uint16Array(m);
    var counts = new Uint32Array(n + 1);
    for (var e = 0; e < m; e++) {
      var edge = json.edges[e];
      var s = edge[0] >>> 0, t = edge[1] >>> 0;
      if (s >= n || t >= n) throw new Error("edge " + e + " points outside the node list");
      g.source[e] = s;
      g.target[e] = t;
      g.edgeKind[e] = edge[2] >>> 0;
      g.weight[e] = Math.max(1, Math.min(65535, edge[3] >>> 0));
      counts[s]++;
      counts[t]++;
    }
    // Adjacency in compressed rows: neighbours of i are adj[offset[i] .. offset[i+1]).
    g.offset = new Uint32Array(n + 1);
    for (var k = 0; k < n; k++) g.offset[k + 1] = g.offset[k] + counts[k];
    g.adj = new Uint32Array(2 * m);
    var fill = g.offset.slice(0, n);
    for (var f = 0; f < m; f++) {
      g.adj[fill[g.source[f]]++] = g.target[f];
      g.adj[fill[g.target[f]]++] = g.source[f];
    }
    return g;
  }

  function neighbours(g, i) {
    var list = [];
    for (var p = g.offset[i]; p < g.offset[i + 1]; p++) list.push(g.adj[p]);
    return list;
  }

  function bounds(g) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var i = 0; i < g.size; i++) {
      if (g.x[i] < x0) x0 = g.x[i];
      if (g.x[i] > x1) x1 = g.x[i];
      if (g.y[i] < y0) y0 = g.y[i];
      if (g.y[i] > y1) y1 = g.y[i];
    }
    if (!isFinite(x0)) return { x0: -1, y0: -1, x1: 1, y1: 1 };
    return { x0: x0, y0: y0, x1: x1, y1: y1 };
  }

  /** Scale and offset that fit the layout's bounding box into width x height. */
  function fit(g, width, height, padding) {
    var b = bounds(g);
    var bw = Math.max(b.x1 - b.x0, 1e-6), bh = Math.max(b.y1 - b.y0, 1e-6);
    var k = Math.min((width - 2 * padding) / bw, (height - 2 * padding) / bh);
    if (!isFinite(k) || k <= 0) k = 1;
    if (g.size === 1) k = 1;
    return {
      k: k,
      x: width / 2 - k * (b.x0 + b.x1) / 2,
      y: height / 2 - k * (b.y0 + b.y1) / 2
    };
  }

  /** Orders nodes the way a reader scans them: centre, then by kind, then label. */
  function readingOrder(g) {
    var order = [];
    for (var i = 0; i < g.size; i++) order.push(i);
    var centre = g.index.has(g.focus) ? g.index.get(g.focus) : -1;
    order.sort(function (a, b) {
      if (a === centre) return -1;
      if (b === centre) return 1;
      if (g.kind[a] !== g.kind[b]) return g.kind[a] - g.kind[b];
      var la = g.labels[a].toLowerCase(), lb = g.labels[b].toLowerCase();
      if (la !== lb) return la < lb ? -1 : 1;
      return g.ids[a] < g.ids[b] ? -1 : g.ids[a] > g.ids[b] ? 1 : 0;
    });
    return order;
  }

  function describe(g, i) {
    var text = g.labels[i] + " (" + kindSingular(g.kinds[g.kind[i]]);
    var d = g.degree[i];
    text += ", " + d + (d === 1 ? " connection" : " connections") + ")";
    return text;
  }

  // ---------------------------------------------------------------- setup

  function start(container) {
    if (container.getAttribute("data-graph-state")) return;
    container.setAttribute("data-graph-state", "loading");
    var mode = container.getAttribute("data-graph-mode") || "panel";
    var src = container.getAttribute("data-graph-src");
    container.classList.add("bz-graph--" + cssToken(mode), "bz-graph--loading");
    // Whatever the page put inside the container (a "loading" note, a
    // <noscript>) is a placeholder: it stays until the graph replaces it.
    var placeholders = Array.prototype.slice.call(container.childNodes);
    var status = el("p", "bz-graph__status", "Loading the research graph\u2026");
    status.setAttribute("role", "status");
    status.placeholders = placeholders;
    var hasPlaceholder = placeholders.some(function (n) { return n.nodeType === 1 || n.textContent.trim(); });
    if (!hasPlaceholder) container.appendChild(status);

    if (!src || typeof d3 === "undefined") {
      fail(container, status, new Error(src ? "d3 is not loaded" : "data-graph-src is missing"));
      return;
    }

    window.fetch(src, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + src);
        return response.json();
      })
      .then(function (json) {
        mark("bz-graph-fetched");
        var g = parseGraph(json);
        mark("bz-graph-parsed");
        g.focus = container.getAttribute("data-graph-focus") || g.center;
        var options = {
          mode: mode,
          base: container.getAttribute("data-graph-base") || "/",
          reduced: reducedMotion()
        };
        status.remove();
        placeholders.forEach(function (n) { n.remove(); });
        container.classList.remove("bz-graph--loading");
        var drawn = mode === "explorer"
          ? new Explorer(container, g, options).drawn
          : new Panel(container, g, options).drawn;
        mark("bz-graph-drawn");
        afterNextPaint(function () {
          // Performance marks let embedders and tests time load-to-first-frame.
          mark("bz-graph-ready");
          container.setAttribute("data-graph-state", "ready");
          container.setAttribute("data-graph-nodes", String(drawn));
          container.setAttribute("data-graph-ready", "true");
        });
      })
      .catch(function (error) {
        fail(container, status, error);
      });
  }

  function fail(container, status, error) {
    container.classList.remove("bz-graph--loading");
    container.classList.add("bz-graph--error");
    container.setAttribute("data-graph-state", "error");
    status.textContent = "The research graph could not be loaded.";
    status.placeholders.forEach(function (n) { if (n.nodeName !== "NOSCRIPT") n.remove(); });
    if (!status.parentNode) container.appendChild(status);
    if (window.console) window.console.error("bz-graph:", error && error.message ? error.message : error);
  }

  // ---------------------------------------------------------------- panel / embed (SVG)

  function Panel(container, g, options) {
    this.container = container;
    this.g = g;
    this.options = options;
    this.embed = options.mode === "embed";
    this.linkTarget = this.embed ? "_top" : "";
    this.drawn = this.draw();
  }

  Panel.prototype.radius = function (i) {
    var r = 4 + 1.8 * Math.sqrt(this.g.degree[i]);
    return Math.min(r, 16);
  };

  Panel.prototype.draw = function () {
    var self = this, g = this.g, container = this.container;
    var stage = el("div", "bz-graph__stage");
    container.appendChild(stage);
    var width = Math.max(stage.clientWidth, 200);
    var height = Math.max(stage.clientHeight, 160);
    var place = fit(g, width, height, 28);
    var centre = g.index.has(g.focus) ? g.index.get(g.focus) : -1;

    var svg = svgEl("svg", "bz-graph__svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", centre >= 0
      ? "Research graph around " + g.labels[centre] + ": " + g.size + " nodes. Arrow keys move between nodes; Enter opens a page."
      : "Research graph: " + g.size + " nodes.");
    var viewport = svgEl("g", "bz-graph__viewport");
    var edgeLayer = svgEl("g", "bz-graph__edges");
    var nodeLayer = svgEl("g", "bz-graph__nodes");
    edgeLayer.setAttribute("aria-hidden", "true");
    viewport.appendChild(edgeLayer);
    viewport.appendChild(nodeLayer);
    svg.appendChild(viewport);

    var px = function (i) { return place.x + place.k * g.x[i]; };
    var py = function (i) { return place.y + place.k * g.y[i]; };

    var edgeEls = new Array(g.edgeCount);
    for (var e = 0; e < g.edgeCount; e++) {
      var s = g.source[e], t = g.target[e];
      var line = svgEl("line", "bz-graph__edge bz-graph__edge--" + cssToken(g.edgeKinds[g.edgeKind[e]] || "edge"));
      line.setAttribute("x1", px(s).toFixed(1));
      line.setAttribute("y1", py(s).toFixed(1));
      line.setAttribute("x2", px(t).toFixed(1));
      line.setAttribute("y2", py(t).toFixed(1));
      line.setAttribute("stroke-width", String(Math.min(1 + Math.log2(g.weight[e]), 4)));
      edgeLayer.appendChild(line);
      edgeEls[e] = line;
    }
    this.edgeEls = edgeEls;

    // Keyboard order is reading order: the centre first, then by kind and
    // label (the order of the page's text list). The graph is one tab stop
    // (a roving tabindex): arrow keys move between its links, so a slice of
    // 150 nodes does not put 150 tab stops between the reader and the rest
    // of the page.
    var order = readingOrder(g);
    this.nodeEls = new Array(g.size);
    this.links = [];
    order.forEach(function (i) {
      var kind = cssToken(g.kinds[g.kind[i]]);
      var href = pageHref(self.options.base, g.urls[i]);
      var node = svgEl("g", "bz-graph__node bz-graph__node--" + kind + (i === centre ? " is-center" : "") + (href ? " is-link" : ""));
      node.setAttribute("transform", "translate(" + px(i).toFixed(1) + "," + py(i).toFixed(1) + ")");
      node.setAttribute("data-node-id", g.ids[i]);
      node.setAttribute("aria-label", describe(g, i));
      if (href) {
        node.setAttribute("tabindex", self.links.length === 0 ? "0" : "-1");
        node.setAttribute("role", "link");
        node.setAttribute("data-href", href);
        self.links.push(node);
      } else {
        node.setAttribute("role", "img");
      }
      var r = self.radius(i) + (i === centre ? 3 : 0);
      var circle = svgEl("circle", "bz-graph__dot");
      circle.setAttribute("r", r.toFixed(1));
      var label = svgEl("text", "bz-graph__label");
      label.setAttribute("x", (r + 3).toFixed(1));
      label.setAttribute("y", "0");
      label.setAttribute("dy", "0.35em");
      label.setAttribute("aria-hidden", "true");
      label.textContent = g.labels[i];
      var title = svgEl("title");
      title.textContent = g.labels[i];
      node.appendChild(title);
      node.appendChild(circle);
      node.appendChild(label);
      nodeLayer.appendChild(node);
      self.nodeEls[i] = node;
    });

    // Listeners live on the HTML stage, not on SVG elements: Chromium makes an
    // SVG element with key or focus listeners focusable, which would add a
    // stray tab stop before the first node.
    stage.addEventListener("click", function (event) {
      var node = event.target.closest && event.target.closest(".bz-graph__node");
      if (node && node.getAttribute("data-href")) openHref(node.getAttribute("data-href"), self.linkTarget, event);
    });
    stage.addEventListener("keydown", function (event) {
      var node = event.target.closest && event.target.closest(".bz-graph__node");
      if (!node || !node.getAttribute("data-href")) return;
      var at = self.links.indexOf(node), next = -1;
      switch (event.key) {
        case "Enter":
          event.preventDefault();
          openHref(node.getAttribute("data-href"), self.linkTarget, event);
          return;
        case "ArrowDown": case "ArrowRight": next = Math.min(at + 1, self.links.length - 1); break;
        case "ArrowUp": case "ArrowLeft": next = Math.max(at - 1, 0); break;
        case "Home": next = 0; break;
        case "End": next = self.links.length - 1; break;
        default: return;
      }
      event.preventDefault();
      node.setAttribute("tabindex", "-1");
      self.links[next].setAttribute("tabindex", "0");
      self.links[next].focus();
    });
    ["pointerover", "focusin"].forEach(function (type) {
      stage.addEventListener(type, function (event) {
        var node = event.target.closest && event.target.closest(".bz-graph__node");
        if (node) self.highlight(g.index.get(node.getAttribute("data-node-id")));
      });
    });
    ["pointerout", "focusout"].forEach(function (type) {
      stage.addEventListener(type, function () { self.highlight(-1); });
    });

    stage.appendChild(svg);
    this.svg = svg;
    this.viewport = viewport;
    this.installZoom(stage);
    if (this.embed) this.addOpenLink(centre);
    return g.size;
  };

  /** Marks the node and the edges touching it, so CSS can bring them forward. */
  Panel.prototype.highlight = function (i) {
    var g = this.g;
    if (this.active === i) return;
    if (this.active !== undefined && this.active >= 0) {
      this.nodeEls[this.active].classList.remove("is-active");
      this.container.classList.remove("has-active");
      this.activeEdges.forEach(function (line) { line.classList.remove("is-active"); });
    }
    this.active = i;
    this.activeEdges = [];
    if (i === undefined || i < 0) return;
    this.container.classList.add("has-active");
    this.nodeEls[i].classList.add("is-active");
    for (var e = 0; e < g.edgeCount; e++) {
      if (g.source[e] === i || g.target[e] === i) {
        this.edgeEls[e].classList.add("is-active");
        this.activeEdges.push(this.edgeEls[e]);
      }
    }
  };

  Panel.prototype.installZoom = function (stage) {
    var self = this;
    var zoom = d3.zoom()
      .scaleExtent([0.5, 8])
      .on("zoom", function (event) {
        self.viewport.setAttribute("transform", event.transform.toString());
      });
    var svg = d3.select(this.svg).call(zoom);
    var duration = this.options.reduced ? 0 : 250;
    var controls = el("div", "bz-graph__zoom");
    [["+", "Zoom in", function () { zoom.scaleBy(svg.transition().duration(duration), 1.5); }],
     ["\u2212", "Zoom out", function () { zoom.scaleBy(svg.transition().duration(duration), 1 / 1.5); }],
     ["\u27F2", "Reset view", function () { zoom.transform(svg.transition().duration(duration), d3.zoomIdentity); }]]
      .forEach(function (spec) {
        var button = el("button", "bz-graph__zoom-button", spec[0]);
        button.type = "button";
        button.setAttribute("aria-label", spec[1]);
        button.title = spec[1];
        button.addEventListener("click", spec[2]);
        controls.appendChild(button);
      });
    stage.appendChild(controls);
  };

  Panel.prototype.addOpenLink = function (centre) {
    var g = this.g, container = this.container;
    // The page may bring its own link back to the site (BzPeer's embed
    // template does); then one is enough.
    if (document.querySelector(".bz-graph__open, .embed-credit a")) return;
    var href = centre >= 0 ? pageHref(this.options.base, g.urls[centre]) : "";
    if (!href) href = pageHref(this.options.base, "explore/") || new URL(this.options.base, document.baseURI).href;
    var site = container.getAttribute("data-graph-site-title") || window.location.host;
    var link = el("a", "bz-graph__open", "Open in " + site);
    link.href = href;
    link.target = "_top";
    container.appendChild(link);
  };

  // ---------------------------------------------------------------- explorer (canvas)

  function Explorer(container, g, options) {
    this.container = container;
    this.g = g;
    this.options = options;
    this.uid = "bzg" + (++idCounter);
    this.visibleKind = new Uint8Array(g.kinds.length).fill(1);
    this.selected = -1;
    this.hovered = -1;
    this.interacting = false;
    this.frame = 0;
    this.byKind = this.groupByKind();
    this.buildControls();
    this.readColours();
    this.size();
    this.computeRadii();
    this.transform = this.fitTransform();
    this.installZoom();
    this.installPointer();
    this.restoreFocus(false);
    // The first frame is drawn now, not on the next animation frame, so the
    // ready signal that follows it is honest.
    if (this.frame) {
      window.cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    this.renderBase();
    this.renderOverlay();
    this.drawn = g.size;
    var self = this;
    afterNextPaint(function () {
      window.setTimeout(function () {
        self.ensureTrees();
        self.renderOverlay();
      }, 0);
    });
  }

  Explorer.prototype.groupByKind = function () {
    var g = this.g, groups = [];
    for (var k = 0; k < g.kinds.length; k++) groups.push([]);
    for (var i = 0; i < g.size; i++) groups[g.kind[i]].push(i);
    return groups.map(function (list) { return Uint32Array.from(list); });
  };

  /**
   * One quadtree per kind, so hidden kinds are skipped without rebuilding.
   * Built on first use (or when the browser is idle after the first frame),
   * not before it: the first frame does not need them.
   */
  Explorer.prototype.ensureTrees = function () {
    if (this.trees) return this.trees;
    var g = this.g;
    this.trees = this.byKind.map(function (list) {
      return d3.quadtree()
        .x(function (i) { return g.x[i]; })
        .y(function (i) { return g.y[i]; })
        .addAll(Array.from(list));
    });
    return this.trees;
  };

  Explorer.prototype.readColours = function () {
    var c = this.container, g = this.g;
    this.colours = g.kinds.map(function (kind) {
      return cssVar(c, "--bz-graph-" + cssToken(kind), cssVar(c, "--bz-graph-other", "#888"));
    });
    this.packedColours = this.colours.map(packColour);
    this.edgeColour = cssVar(c, "--bz-graph-edge", "rgba(120,120,120,0.35)");
    this.highlightColour = cssVar(c, "--bz-graph-highlight", "#e3116c");
    this.textColour = cssVar(c, "--bz-graph-text", "#111");
    this.haloColour = cssVar(c, "--bz-graph-bg", "#fff");
  };

  Explorer.prototype.buildControls = function () {
    var self = this, g = this.g, uid = this.uid;
    var container = this.container;

    var toolbar = el("div", "bz-graph__toolbar");

    var form = el("form", "bz-graph__search");
    form.setAttribute("role", "search");
    var label = el("label", "bz-graph__search-label", "Find a person, work or topic");
    label.htmlFor = uid + "-q";
    var input = el("input", "bz-graph__search-input");
    input.type = "search";
    input.id = uid + "-q";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("aria-controls", uid + "-results");
    var results = el("ul", "bz-graph__results");
    results.id = uid + "-results";
    results.setAttribute("aria-label", "Matching nodes");
    var button = el("button", "bz-graph__search-button", "Find");
    button.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(button);
    form.appendChild(results);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var hits = self.search(input.value, 1);
      if (hits.length) self.focusNode(hits[0], true);
    });
    input.addEventListener("input", function () { self.showResults(input.value); });
    this.input = input;
    this.results = results;

    var filters = el("fieldset", "bz-graph__filters");
    filters.appendChild(el("legend", "", "Show"));
    this.checkboxes = g.kinds.map(function (kind, k) {
      var box = el("input", "bz-graph__filter");
      box.type = "checkbox";
      box.checked = true;
      box.value = kind;
      box.id = uid + "-kind-" + k;
      var lab = el("label", "bz-graph__filter-label bz-graph__kind--" + cssToken(kind));
      lab.htmlFor = box.id;
      lab.appendChild(box);
      lab.appendChild(el("span", "bz-graph__swatch"));
      lab.appendChild(document.createTextNode(kindTitle(kind) + " (" + self.byKind[k].length + ")"));
      if (!self.byKind[k].length) lab.classList.add("is-empty");
      box.addEventListener("change", function () {
        self.visibleKind[k] = box.checked ? 1 : 0;
        if (!box.checked && self.selected >= 0 && g.kind[self.selected] === k) self.select(-1);
        if (!box.checked && self.hovered >= 0 && g.kind[self.hovered] === k) self.hovered = -1;
        self.updateVisibleCount();
        self.renderBase();
        self.renderOverlay();
      });
      filters.appendChild(lab);
      return box;
    });

    toolbar.appendChild(form);
    toolbar.appendChild(filters);

    var stage = el("div", "bz-graph__stage");
    var base = el("canvas", "bz-graph__canvas bz-graph__canvas--base");
    base.setAttribute("aria-hidden", "true");
    var overlay = el("canvas", "bz-graph__canvas bz-graph__canvas--overlay");
    overlay.setAttribute("role", "img");
    overlay.tabIndex = 0;
    overlay.setAttribute("aria-label",
      "Research graph of " + g.size + " nodes and " + g.edgeCount + " connections. " +
      "Use the search box to find a node; its connections are listed beside the graph. " +
      "Arrow keys pan, plus and minus zoom, Escape clears the selection.");
    overlay.setAttribute("aria-describedby", uid + "-side");
    var tooltip = el("div", "bz-graph__tooltip");
    tooltip.hidden = true;
    tooltip.setAttribute("aria-hidden", "true");
    var zoomControls = el("div", "bz-graph__zoom");
    stage.appendChild(base);
    stage.appendChild(overlay);
    stage.appendChild(tooltip);
    stage.appendChild(zoomControls);

    var side = el("aside", "bz-graph__side");
    side.id = uid + "-side";
    side.setAttribute("aria-live", "polite");
    side.setAttribute("aria-label", "Selected node");

    var legend = el("p", "bz-graph__legend",
      "Circle size grows with the number of connections. Lines join authors to their works, " +
      "co-authors to each other, works to topics and people to institutions.");

    container.appendChild(toolbar);
    container.appendChild(stage);
    container.appendChild(side);
    container.appendChild(legend);

    this.stage = stage;
    this.baseCanvas = base;
    this.overlayCanvas = overlay;
    this.tooltip = tooltip;
    this.zoomControls = zoomControls;
    this.side = side;
    this.renderSide();
    this.updateVisibleCount();
  };

  Explorer.prototype.visibleCount = function () {
    var count = 0;
    for (var k = 0; k < this.byKind.length; k++) if (this.visibleKind[k]) count += this.byKind[k].length;
    return count;
  };

  Explorer.prototype.updateVisibleCount = function () {
    this.container.setAttribute("data-graph-visible-nodes", String(this.visibleCount()));
  };

  /** A cleared RGBA buffer the size of the base canvas, as 32-bit pixels. */
  Explorer.prototype.dotBuffer = function () {
    var w = this.baseCanvas.width, h = this.baseCanvas.height;
    if (!this.dotImage || this.dotImage.width !== w || this.dotImage.height !== h) {
      this.dotCanvas = document.createElement("canvas");
      this.dotCanvas.width = w;
      this.dotCanvas.height = h;
      this.dotContext = this.dotCanvas.getContext("2d");
      this.dotImage = this.dotContext.createImageData(w, h);
      this.dotPixels = new Uint32Array(this.dotImage.data.buffer);
    } else {
      this.dotPixels.fill(0);
    }
    return this.dotPixels;
  };

  Explorer.prototype.size = function () {
    var w = Math.max(this.stage.clientWidth, 200);
    var h = Math.max(this.stage.clientHeight, 200);
    var dpr = Math.min(window.devicePixelRatio || 1, 2);
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    [this.baseCanvas, this.overlayCanvas].forEach(function (canvas) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    });
  };

  Explorer.prototype.fitTransform = function () {
    var f = fit(this.g, this.width, this.height, 24);
    this.fitK = f.k;
    return d3.zoomIdentity.translate(f.x, f.y).scale(f.k);
  };

  /** Screen radius of node i at zoom scale k: grows with degree, and gently with zoom. */
  Explorer.prototype.radius = function (i, k) {
    return this.baseRadius[i] * this.zoomFactor(k);
  };

  /**
   * Radius at the overview, from degree, shrunk when the graph is dense
   * (average spacing between nodes of a few pixels) so the overview is not
   * one solid blob, and grown (up to twice) when it is sparse.
   */
  Explorer.prototype.computeRadii = function () {
    var g = this.g;
    var spacing = Math.sqrt((this.width * this.height) / Math.max(g.size, 1));
    var density = Math.max(0.3, Math.min(2, spacing / 10));
    var radii = new Float32Array(g.size);
    for (var i = 0; i < g.size; i++) {
      var r = 1 + 0.55 * Math.sqrt(g.degree[i]);
      radii[i] = (r > MAX_BASE_RADIUS ? MAX_BASE_RADIUS : r) * density;
    }
    this.baseRadius = radii;
    this.maxRadius = MAX_BASE_RADIUS * density;
  };

  Explorer.prototype.zoomFactor = function (k) {
    var zoomed = Math.sqrt(k / this.fitK);
    return zoomed < 1 ? 1 : zoomed > 5 ? 5 : zoomed;
  };

  Explorer.prototype.installZoom = function () {
    var self = this;
    var zoom = d3.zoom()
      .scaleExtent([this.fitK / 2, this.fitK * 400])
      .on("start", function () { self.interacting = true; })
      .on("zoom", function (event) {
        self.transform = event.transform;
        self.scheduleRender();
      })
      .on("end", function () {
        self.interacting = false;
        self.scheduleRender();
      });
    this.zoom = zoom;
    this.canvasSel = d3.select(this.overlayCanvas).call(zoom).call(zoom.transform, this.transform);
    // The wheel zooms the graph, not the page, only while the pointer is over it (d3 default).
    var duration = this.options.reduced ? 0 : 250;
    var sel = this.canvasSel;
    [["+", "Zoom in", function () { zoom.scaleBy(sel.transition().duration(duration), 1.6); }],
     ["\u2212", "Zoom out", function () { zoom.scaleBy(sel.transition().duration(duration), 1 / 1.6); }],
     ["\u27F2", "Show everything", function () { zoom.transform(sel.transition().duration(duration), self.fitTransform()); }]]
      .forEach(function (spec) {
        var button = el("button", "bz-graph__zoom-button", spec[0]);
        button.type = "button";
        button.setAttribute("aria-label", spec[1]);
        button.title = spec[1];
        button.addEventListener("click", spec[2]);
        self.zoomControls.appendChild(button);
      });

    this.overlayCanvas.addEventListener("keydown", function (event) {
      var step = 60, handled = true;
      switch (event.key) {
        case "ArrowLeft": zoom.translateBy(sel, step / self.transform.k, 0); break;
        case "ArrowRight": zoom.translateBy(sel, -step / self.transform.k, 0); break;
        case "ArrowUp": zoom.translateBy(sel, 0, step / self.transform.k); break;
        case "ArrowDown": zoom.translateBy(sel, 0, -step / self.transform.k); break;
        case "+": case "=": zoom.scaleBy(sel, 1.4); break;
        case "-": case "_": zoom.scaleBy(sel, 1 / 1.4); break;
        case "Escape": self.select(-1); break;
        case "Enter":
          if (self.selected >= 0) {
            var href = pageHref(self.options.base, self.g.urls[self.selected]);
            if (href) openHref(href, "", event);
          }
          break;
        default: handled = false;
      }
      if (handled) event.preventDefault();
    });

    if (window.ResizeObserver) {
      var first = true;
      new ResizeObserver(function () {
        if (first) { first = false; return; }
        var oldW = self.width, oldH = self.height;
        self.size();
        if (oldW === self.width && oldH === self.height) return;
        // Keep the same world point in the middle of the view.
        var t = self.transform;
        var next = d3.zoomIdentity
          .translate(t.x + (self.width - oldW) / 2, t.y + (self.height - oldH) / 2)
          .scale(t.k);
        self.canvasSel.call(zoom.transform, next);
        self.renderBase();
        self.renderOverlay();
      }).observe(this.stage);
    }
    if (window.matchMedia) {
      var scheme = window.matchMedia("(prefers-color-scheme: dark)");
      var recolour = function () { self.readColours(); self.renderBase(); self.renderOverlay(); };
      if (scheme.addEventListener) scheme.addEventListener("change", recolour);
    }
    window.addEventListener("hashchange", function () { self.restoreFocus(true); });
  };

  Explorer.prototype.installPointer = function () {
    var self = this, canvas = this.overlayCanvas;
    var pending = null;
    canvas.addEventListener("pointermove", function (event) {
      pending = event;
      if (self.pointerFrame) return;
      self.pointerFrame = window.requestAnimationFrame(function () {
        self.pointerFrame = 0;
        if (!pending) return;
        var p = d3.pointer(pending, canvas);
        pending = null;
        var i = self.interacting ? -1 : self.nodeAt(p[0], p[1]);
        if (i !== self.hovered) {
          self.hovered = i;
          self.renderOverlay();
        }
        self.showTooltip(i, p);
      });
    });
    canvas.addEventListener("pointerleave", function () {
      pending = null;
      if (self.hovered !== -1) {
        self.hovered = -1;
        self.renderOverlay();
      }
      self.showTooltip(-1);
    });
    // d3-zoom swallows the click that ends a drag, so this is a real click.
    canvas.addEventListener("click", function (event) {
      var p = d3.pointer(event, canvas);
      var i = self.nodeAt(p[0], p[1]);
      self.select(i, true);
    });
    canvas.addEventListener("dblclick", function (event) {
      var p = d3.pointer(event, canvas);
      var i = self.nodeAt(p[0], p[1]);
      var href = i >= 0 ? pageHref(self.options.base, self.g.urls[i]) : "";
      if (href) {
        event.stopImmediatePropagation();
        openHref(href, "", event);
      }
    }, true);
  };

  /** The visible node under a screen point, or -1. */
  Explorer.prototype.nodeAt = function (sx, sy) {
    var t = this.transform, g = this.g;
    var wx = (sx - t.x) / t.k, wy = (sy - t.y) / t.k;
    var best = -1, bestD = Infinity;
    // No node is wider than this, so nothing farther can be under the pointer.
    var reach = (this.maxRadius * this.zoomFactor(t.k) + 6) / t.k;
    var trees = this.ensureTrees();
    for (var k = 0; k < trees.length; k++) {
      if (!this.visibleKind[k]) continue;
      var i = trees[k].find(wx, wy, reach);
      if (i === undefined) continue;
      var dx = g.x[i] - wx, dy = g.y[i] - wy;
      var d = Math.sqrt(dx * dx + dy * dy) * t.k;
      if (d <= Math.max(this.radius(i, t.k) + 4, 6) && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  };

  Explorer.prototype.showTooltip = function (i, p) {
    var tip = this.tooltip;
    if (i < 0) {
      tip.hidden = true;
      this.overlayCanvas.classList.remove("is-pointing");
      return;
    }
    tip.textContent = describe(this.g, i);
    tip.hidden = false;
    // CSSOM properties are allowed by the page CSP; style attributes are not.
    tip.style.setProperty("transform", "translate(" + Math.round(p[0] + 12) + "px," + Math.round(p[1] + 12) + "px)");
    this.overlayCanvas.classList.add("is-pointing");
  };

  Explorer.prototype.scheduleRender = function () {
    var self = this;
    if (this.frame) return;
    this.frame = window.requestAnimationFrame(function () {
      self.frame = 0;
      self.renderBase();
      self.renderOverlay();
    });
  };

  /**
   * Draws the visible nodes and edges into the base canvas. Offscreen items
   * are culled. Edges beyond a budget are thinned to an even sample (a dense
   * overview is a haze either way, and every one is drawn once zoomed in);
   * while the user pans or zooms the budget is smaller still. Small nodes are
   * plain squares (fillRect is far cheaper than arcs in software rendering),
   * larger ones arcs batched into short paths.
   */
  Explorer.prototype.renderBase = function () {
    var g = this.g, t = this.transform, k = t.k, tx = t.x, ty = t.y;
    var ctx = this.baseCanvas.getContext("2d");
    var w = this.width, h = this.height;
    var started = window.performance.now();
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var margin = 12 / k;
    var x0 = -tx / k - margin, y0 = -ty / k - margin, x1 = (w - tx) / k + margin, y1 = (h - ty) / k + margin;
    var vis = this.visibleKind, kind = g.kind, X = g.x, Y = g.y;

    var inView = this.edgeScratch || (this.edgeScratch = new Uint32Array(g.edgeCount));
    var count = 0;
    for (var e = 0; e < g.edgeCount; e++) {
      var a = g.source[e], b = g.target[e];
      if (!vis[kind[a]] || !vis[kind[b]]) continue;
      var ax = X[a], ay = Y[a], bx = X[b], by = Y[b];
      if ((ax < x0 && bx < x0) || (ax > x1 && bx > x1) || (ay < y0 && by < y0) || (ay > y1 && by > y1)) continue;
      inView[count++] = e;
    }
    var budget = this.interacting ? EDGE_BUDGET_MOVING : EDGE_BUDGET;
    var stride = count > budget ? count / budget : 1;
    var edgesDrawn = 0;
    if (count) {
      // Dense views fade the edges so nodes stay readable.
      ctx.globalAlpha = Math.max(0.12, Math.min(0.7, 1500 / Math.min(count, budget)));
      ctx.strokeStyle = this.edgeColour;
      ctx.lineWidth = 0.6;
      ctx.beginPath();
      for (var p = 0; p < count; p += stride) {
        var f = inView[p | 0], s = g.source[f], d = g.target[f];
        ctx.moveTo(tx + k * X[s], ty + k * Y[s]);
        ctx.lineTo(tx + k * X[d], ty + k * Y[d]);
        if (++edgesDrawn % PATH_BATCH === 0) {
          ctx.stroke();
          ctx.beginPath();
        }
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
    }

    // Small nodes: with many on screen they are written straight into a pixel
    // buffer and composited in one drawImage (tens of thousands of fillRect
    // calls cost far more); with few, fillRect. Large nodes are arcs, drawn
    // last so they sit on top.
    var nodesDrawn = 0, zf = this.zoomFactor(k), baseR = this.baseRadius;
    var big = this.bigScratch || (this.bigScratch = new Uint32Array(g.size));
    var bigCount = 0;
    var pixels = this.visibleCount() > PIXEL_DOTS_FROM ? this.dotBuffer() : null;
    var dpr = this.dpr, pw = this.baseCanvas.width, ph = this.baseCanvas.height;
    for (var kk = 0; kk < this.byKind.length; kk++) {
      if (!vis[kk]) continue;
      var list = this.byKind[kk], packed = this.packedColours[kk];
      ctx.fillStyle = this.colours[kk];
      for (var j = 0; j < list.length; j++) {
        var i = list[j], x = X[i], y = Y[i];
        if (x < x0 || x > x1 || y < y0 || y > y1) continue;
        nodesDrawn++;
        var r = baseR[i] * zf;
        if (r >= SQUARE_BELOW) {
          big[bigCount++] = i;
        } else if (pixels) {
          var half = Math.max(1, Math.round(r * dpr));
          var cx = Math.round((tx + k * x) * dpr), cy = Math.round((ty + k * y) * dpr);
          var left = Math.max(cx - half, 0), right = Math.min(cx + half, pw);
          var bottom = Math.min(cy + half, ph);
          for (var py = Math.max(cy - half, 0); py < bottom; py++) {
            for (var px = py * pw + left, end = py * pw + right; px < end; px++) pixels[px] = packed;
          }
        } else {
          ctx.fillRect(tx + k * x - r, ty + k * y - r, 2 * r, 2 * r);
        }
      }
    }
    if (pixels) {
      this.dotContext.putImageData(this.dotImage, 0, 0);
      ctx.drawImage(this.dotCanvas, 0, 0, w, h);
    }
    for (var kb = 0; kb < this.byKind.length; kb++) {
      if (!vis[kb]) continue;
      ctx.fillStyle = this.colours[kb];
      ctx.beginPath();
      var arcs = 0;
      for (var q = 0; q < bigCount; q++) {
        var n = big[q];
        if (kind[n] !== kb) continue;
        var bx = tx + k * X[n], by = ty + k * Y[n], br = baseR[n] * zf;
        ctx.moveTo(bx + br, by);
        ctx.arc(bx, by, br, 0, TAU);
        if (++arcs % PATH_BATCH === 0) {
          ctx.fill();
          ctx.beginPath();
        }
      }
      ctx.fill();
    }
    this.lastBaseMs = window.performance.now() - started;
    // What the last frame actually drew; tests and curious readers can see culling work.
    this.container.setAttribute("data-graph-drawn-nodes", String(nodesDrawn));
    this.container.setAttribute("data-graph-drawn-edges", String(edgesDrawn));
    this.container.setAttribute("data-graph-frame-ms", this.lastBaseMs.toFixed(1));
  };

  /** Draws the selection, its neighbours, the hovered node and labels on top. */
  Explorer.prototype.renderOverlay = function () {
    var g = this.g, t = this.transform, k = t.k;
    var ctx = this.overlayCanvas.getContext("2d");
    var w = this.width, h = this.height, self = this;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var sx = function (i) { return t.x + k * g.x[i]; };
    var sy = function (i) { return t.y + k * g.y[i]; };
    var labels = [];

    var s = this.selected;
    if (s >= 0) {
      var near = (this.selectedNeighbours || []).filter(function (j) { return self.visibleKind[g.kind[j]]; });
      var style = highlightStyle(near.length);
      // Fade the rest of the graph so the selection reads as foreground.
      ctx.globalAlpha = 0.55;
      ctx.fillStyle = this.haloColour;
      ctx.fillRect(0, 0, w, h);
      // Edges under the nodes, thinner and fainter the more there are: a
      // hub's 1,000 spokes would otherwise paint the canvas over.
      ctx.globalAlpha = style.edgeAlpha;
      ctx.strokeStyle = this.highlightColour;
      ctx.lineWidth = style.edgeWidth;
      ctx.beginPath();
      for (var e = 0; e < near.length; e++) {
        ctx.moveTo(sx(s), sy(s));
        ctx.lineTo(sx(near[e]), sy(near[e]));
        if ((e + 1) % PATH_BATCH === 0) {
          ctx.stroke();
          ctx.beginPath();
        }
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
      near.forEach(function (j) {
        self.ring(ctx, sx(j), sy(j), self.radius(j, k), self.colours[g.kind[j]], style.ringWidth);
      });
      // The selected node last, so no neighbour or edge covers it.
      this.ring(ctx, sx(s), sy(s), this.radius(s, k) + 3, this.colours[g.kind[s]], 3);
      labels.push(s);
      if (near.length <= 40) labels = labels.concat(near);
    }
    if (this.hovered >= 0 && this.hovered !== s) {
      this.ring(ctx, sx(this.hovered), sy(this.hovered), this.radius(this.hovered, k) + 2, this.colours[g.kind[this.hovered]], 2);
      labels.push(this.hovered);
    }
    if (!this.interacting && labels.length < 40) labels = labels.concat(this.fewVisible(60));

    ctx.font = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    var seen = new Set(), placed = [];
    labels.forEach(function (i) {
      if (seen.has(i)) return;
      seen.add(i);
      var x = sx(i) + self.radius(i, k) + 4, y = sy(i);
      if (x < -200 || x > w || y < 0 || y > h) return;
      var text = g.labels[i].length > 60 ? g.labels[i].slice(0, 57) + "\u2026" : g.labels[i];
      // Greedy placement: a label that would overlap one already drawn is
      // skipped (the first ones are the selection and the hovered node).
      var box = [x - 2, y - 8, x + ctx.measureText(text).width + 2, y + 8];
      for (var b = 0; b < placed.length; b++) {
        var o = placed[b];
        if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) return;
      }
      placed.push(box);
      ctx.lineWidth = 3;
      ctx.strokeStyle = self.haloColour;
      ctx.strokeText(text, x, y);
      ctx.fillStyle = self.textColour;
      ctx.fillText(text, x, y);
    });
  };

  /**
   * Line widths and opacity of a selection's highlight for `count` visible
   * neighbours: full strength up to 40, then fading with the square root of
   * the count (so the total ink grows slowly), with a floor that keeps a
   * single spoke visible.
   */
  function highlightStyle(count) {
    var scale = count <= 40 ? 1 : Math.sqrt(40 / count);
    return {
      edgeAlpha: Math.max(0.12, scale),
      edgeWidth: Math.max(0.6, 1.5 * scale),
      ringWidth: count > 200 ? 1 : 1.5
    };
  }

  Explorer.prototype.ring = function (ctx, x, y, r, fill, width) {
    ctx.beginPath();
    ctx.arc(x, y, Math.max(r, 3), 0, TAU);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.lineWidth = width;
    ctx.strokeStyle = this.highlightColour;
    ctx.stroke();
  };

  /** When zoomed in far enough that few nodes show, label them all. */
  Explorer.prototype.fewVisible = function (limit) {
    var g = this.g, t = this.transform, w = this.width, h = this.height;
    var x0 = -t.x / t.k, y0 = -t.y / t.k, x1 = (w - t.x) / t.k, y1 = (h - t.y) / t.k;
    if (!this.trees) return [];
    var found = [], vis = this.visibleKind, trees = this.trees;
    for (var k = 0; k < trees.length; k++) {
      if (!vis[k]) continue;
      trees[k].visit(function (node, nx0, ny0, nx1, ny1) {
        if (found.length > limit) return true;
        if (nx0 > x1 || nx1 < x0 || ny0 > y1 || ny1 < y0) return true;
        if (!node.length) {
          do {
            var i = node.data;
            if (g.x[i] >= x0 && g.x[i] <= x1 && g.y[i] >= y0 && g.y[i] <= y1) found.push(i);
          } while ((node = node.next));
        }
        return false;
      });
    }
    return found.length > limit ? [] : found;
  };

  /** Search over labels and ids: prefix matches first, then word starts, then anywhere. */
  Explorer.prototype.search = function (query, limit) {
    var g = this.g, q = normalise(query).trim();
    if (!q) return [];
    if (g.index.has(query.trim())) {
      var exact = g.index.get(query.trim());
      if (this.visibleKind[g.kind[exact]]) return [exact];
    }
    if (!this.keys) this.keys = g.labels.map(normalise);
    var hits = [];
    for (var i = 0; i < g.size; i++) {
      if (!this.visibleKind[g.kind[i]]) continue;
      var key = this.keys[i], at = key.indexOf(q);
      if (at < 0) continue;
      var rank = at === 0 ? 0 : /[^a-z0-9]/.test(key.charAt(at - 1)) ? 1 : 2;
      hits.push([rank, i]);
    }
    var kinds = g.kind, degree = g.degree, labels = g.labels;
    hits.sort(function (a, b) {
      return a[0] - b[0] || kinds[a[1]] - kinds[b[1]] || degree[b[1]] - degree[a[1]] ||
        (labels[a[1]] < labels[b[1]] ? -1 : labels[a[1]] > labels[b[1]] ? 1 : a[1] - b[1]);
    });
    return hits.slice(0, limit).map(function (h) { return h[1]; });
  };

  Explorer.prototype.showResults = function (query) {
    var self = this, g = this.g, list = this.results;
    list.textContent = "";
    var hits = this.search(query, 12);
    hits.forEach(function (i) {
      var item = el("li", "bz-graph__result");
      var button = el("button", "bz-graph__result-button bz-graph__kind--" + cssToken(g.kinds[g.kind[i]]));
      button.type = "button";
      button.setAttribute("data-node-id", g.ids[i]);
      button.appendChild(el("span", "bz-graph__swatch"));
      button.appendChild(document.createTextNode(g.labels[i]));
      button.appendChild(el("span", "bz-graph__result-kind", kindSingular(g.kinds[g.kind[i]])));
      button.addEventListener("click", function () { self.focusNode(i, true); });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (!hits.length && query.trim()) list.appendChild(el("li", "bz-graph__result bz-graph__result--none", "No match."));
  };

  /** Selects node i, centres the view on it and records it in the URL fragment. */
  Explorer.prototype.focusNode = function (i, animate) {
    if (i < 0) return;
    var g = this.g;
    if (!this.visibleKind[g.kind[i]]) {
      this.visibleKind[g.kind[i]] = 1;
      this.checkboxes[g.kind[i]].checked = true;
      this.updateVisibleCount();
    }
    this.select(i, true);
    // Zoom in enough to separate the node from its crowd: more for big graphs.
    var closer = Math.min(6, Math.max(1.5, Math.sqrt(g.size) / 10));
    var k = Math.max(this.transform.k, this.fitK * closer);
    var target = d3.zoomIdentity
      .translate(this.width / 2 - k * g.x[i], this.height / 2 - k * g.y[i])
      .scale(k);
    if (animate && !this.options.reduced) {
      this.canvasSel.transition().duration(400).call(this.zoom.transform, target);
    } else {
      this.canvasSel.call(this.zoom.transform, target);
    }
  };

  Explorer.prototype.select = function (i, updateFragment) {
    var g = this.g;
    this.selected = i;
    this.selectedNeighbours = i >= 0 ? neighbours(g, i) : [];
    this.container.setAttribute("data-graph-selected", i >= 0 ? g.ids[i] : "");
    if (updateFragment !== false) writeFragmentNode(i >= 0 ? g.ids[i] : "");
    this.renderSide();
    this.renderOverlay();
  };

  Explorer.prototype.restoreFocus = function (animate) {
    var id = fragmentNode() || (this.restored ? "" : this.g.focus);
    this.restored = true;
    if (!id) return;
    var i = this.g.index.has(id) ? this.g.index.get(id) : -1;
    if (i < 0 || i === this.selected) return;
    this.focusNode(i, animate);
  };

  /** The text side of the explorer: the selection, its page and its neighbours. */
  Explorer.prototype.renderSide = function () {
    var self = this, g = this.g, side = this.side, i = this.selected;
    side.textContent = "";
    if (i < 0) {
      side.appendChild(el("p", "bz-graph__hint", "Search or click a node to see its connections here."));
      return;
    }
    var heading = el("h2", "bz-graph__side-title bz-graph__kind--" + cssToken(g.kinds[g.kind[i]]));
    heading.appendChild(el("span", "bz-graph__swatch"));
    heading.appendChild(document.createTextNode(g.labels[i]));
    side.appendChild(heading);
    side.appendChild(el("p", "bz-graph__side-kind", kindSingular(g.kinds[g.kind[i]])));
    var href = pageHref(this.options.base, g.urls[i]);
    if (href) {
      var open = el("a", "bz-graph__side-open", "Open page");
      open.href = href;
      side.appendChild(open);
    }
    var near = this.selectedNeighbours.slice().sort(function (a, b) {
      return g.kind[a] - g.kind[b] || (g.labels[a] < g.labels[b] ? -1 : g.labels[a] > g.labels[b] ? 1 : a - b);
    });
    side.appendChild(el("h3", "bz-graph__side-heading", "Connections (" + near.length + ")"));
    var list = el("ul", "bz-graph__neighbours");
    var shown = near.slice(0, 200);
    shown.forEach(function (j) {
      var item = el("li", "bz-graph__neighbour bz-graph__kind--" + cssToken(g.kinds[g.kind[j]]));
      item.setAttribute("data-node-id", g.ids[j]);
      item.appendChild(el("span", "bz-graph__swatch"));
      var link = pageHref(self.options.base, g.urls[j]);
      if (link) {
        var a = el("a", "bz-graph__neighbour-link", g.labels[j]);
        a.href = link;
        item.appendChild(a);
      } else {
        item.appendChild(el("span", "bz-graph__neighbour-name", g.labels[j]));
      }
      item.appendChild(el("span", "bz-graph__result-kind", kindSingular(g.kinds[g.kind[j]])));
      var show = el("button", "bz-graph__neighbour-focus", "Show");
      show.type = "button";
      show.setAttribute("aria-label", "Show " + g.labels[j] + " in the graph");
      show.addEventListener("click", function () { self.focusNode(j, true); });
      item.appendChild(show);
      list.appendChild(item);
    });
    side.appendChild(list);
    if (near.length > shown.length) {
      side.appendChild(el("p", "bz-graph__more", "and " + (near.length - shown.length) + " more."));
    }
  };

  // ---------------------------------------------------------------- start

  function init() {
    var containers = document.querySelectorAll(".bz-graph");
    for (var i = 0; i < containers.length; i++) start(containers[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
