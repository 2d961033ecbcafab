// cancu graph view: fetches the graph JSON named by #graph[data-api], lays it out with a
// small force simulation (repulsion, springs, gravity), draws SVG, and adds pan (drag),
// zoom (wheel), hover (highlight neighbours, tooltip) and click (open the node's page).
// No libraries; runs under the page's CSP (no inline script, no eval).
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box) return;
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = { document: "#1f5fa8", "in-force": "#166a31", outdated: "#a82e22", unknown: "#5f5f5f", unresolved: "#6c3fb5" };
  // Relation names in the page's language (the words of src/serve/text.rs).
  var VI = document.documentElement.lang !== "en";
  var REL = VI ? { cites: "trích dẫn", replaces: "thay thế", amends: "sửa đổi, bổ sung", guides: "hướng dẫn",
                   supersedes: "thay cho", "based-on": "căn cứ vào" }
               : { "based-on": "based on" };
  function rel(k) { return REL[k] || k; }

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function layout(nodes, edges, w, h) {
    var n = nodes.length, i, j, it;
    var idx = {};
    nodes.forEach(function (d, k) {
      idx[d.id] = k;
      var a = 2 * Math.PI * k / Math.max(n, 1), r = Math.min(w, h) * 0.35 * Math.sqrt((k + 1) / n);
      d.x = w / 2 + r * Math.cos(a); d.y = h / 2 + r * Math.sin(a); d.vx = 0; d.vy = 0; d.deg = 0;
    });
    var links = edges.map(function (e) { return { s: idx[e.source], t: idx[e.target], e: e }; })
      .filter(function (l) { return l.s !== undefined && l.t !== undefined; });
    links.forEach(function (l) { nodes[l.s].deg++; nodes[l.t].deg++; });
    var k0 = Math.sqrt(w * h / Math.max(n, 1)) * 0.6;
    for (it = 0; it < 300; it++) {
      var alpha = 1 - it / 300;
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
          var d2 = dx * dx + dy * dy + 0.01, f = k0 * k0 / d2 * 0.35;
          nodes[i].vx += dx * f; nodes[i].vy += dy * f; nodes[j].vx -= dx * f; nodes[j].vy -= dy * f;
        }
      }
      links.forEach(function (l) {
        var a = nodes[l.s], b = nodes[l.t], dx = b.x - a.x, dy = b.y - a.y;
        var d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = (d - k0) / d * 0.08;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      });
      for (i = 0; i < n; i++) {
        var p = nodes[i];
        p.vx += (w / 2 - p.x) * 0.012; p.vy += (h / 2 - p.y) * 0.012;
        var v = Math.sqrt(p.vx * p.vx + p.vy * p.vy), max = 30 * alpha + 1;
        if (v > max) { p.vx *= max / v; p.vy *= max / v; }
        p.x += p.vx; p.y += p.vy; p.vx *= 0.5; p.vy *= 0.5;
      }
    }
    return links;
  }

  // Fit one axis into [lo, hi]: part linear, part by rank, so a dense core opens up and
  // far outliers do not squeeze the rest into a corner.
  function spread(nodes, axis, lo, hi) {
    var n = nodes.length;
    if (n < 2) { nodes.forEach(function (d) { d[axis] = (lo + hi) / 2; }); return; }
    var order = nodes.slice().sort(function (a, b) { return a[axis] - b[axis]; });
    var min = order[0][axis], max = order[n - 1][axis], span = Math.max(max - min, 1e-6);
    order.forEach(function (d, r) {
      var lin = (d[axis] - min) / span, rank = r / (n - 1);
      d[axis] = lo + (hi - lo) * (0.4 * lin + 0.6 * rank);
    });
  }

  function draw(g) {
    var w = box.clientWidth || 900, h = box.clientHeight || 600;
    var nodes = g.nodes, links = layout(nodes, g.edges, w, h);
    spread(nodes, "x", 30, w - 200);
    spread(nodes, "y", 30, h - 30);
    var svg = el("svg", { viewBox: "0 0 " + w + " " + h, role: "img", "aria-label": VI ? "đồ thị trích dẫn" : "citation graph" });
    var root = el("g", {}), tip = document.createElement("div");
    tip.className = "tip"; tip.style.display = "none";
    svg.appendChild(root);
    var lineEls = links.map(function (l) {
      var a = nodes[l.s], b = nodes[l.t];
      var ln = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "class": l.e.kind === "cites" ? "cite" : "rel" });
      var t = el("title", {}); t.textContent = rel(l.e.kind) + (l.e.sections.length ? " (" + l.e.sections.join(", ") + ")" : "");
      ln.appendChild(t); root.appendChild(ln); return ln;
    });
    var nodeEls = nodes.map(function (d, k) {
      var r = d.kind === "document" ? 9 : 4 + Math.min(6, Math.sqrt(d.deg));
      var c = el("circle", { cx: d.x, cy: d.y, r: r, fill: COLORS[d.status] || "#999", "data-id": d.id });
      root.appendChild(c);
      var label = null;
      if (d.kind === "document" || nodes.length <= 60 || d.deg >= 4) {
        label = el("text", { x: d.x + r + 2, y: d.y + 3 });
        label.textContent = d.label.length > 40 ? d.label.slice(0, 39) + "…" : d.label;
        root.appendChild(label);
      }
      c.addEventListener("mouseenter", function () { focus(k, true); tip.textContent = d.label; tip.style.display = "block"; });
      c.addEventListener("mousemove", function (ev) {
        var rb = box.getBoundingClientRect(); tip.style.left = (ev.clientX - rb.left + 12) + "px"; tip.style.top = (ev.clientY - rb.top + 12) + "px";
      });
      c.addEventListener("mouseleave", function () { focus(k, false); tip.style.display = "none"; });
      c.addEventListener("click", function () { window.location.href = d.url; });
      return { c: c, label: label };
    });
    function focus(k, on) {
      var near = {}; near[k] = true;
      links.forEach(function (l) { if (l.s === k) near[l.t] = true; if (l.t === k) near[l.s] = true; });
      nodeEls.forEach(function (ne, i) {
        var dim = on && !near[i];
        ne.c.classList.toggle("dim", dim); if (ne.label) ne.label.classList.toggle("dim", dim);
      });
      lineEls.forEach(function (ln, i) { ln.classList.toggle("dim", on && links[i].s !== k && links[i].t !== k); });
    }
    // Pan and zoom.
    var tx = 0, ty = 0, sc = 1, drag = null;
    function apply() { root.setAttribute("transform", "translate(" + tx + "," + ty + ") scale(" + sc + ")"); }
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var rb = svg.getBoundingClientRect(), mx = (ev.clientX - rb.left) * w / rb.width, my = (ev.clientY - rb.top) * h / rb.height;
      var f = ev.deltaY < 0 ? 1.15 : 1 / 1.15, ns = Math.max(0.2, Math.min(8, sc * f));
      tx = mx - (mx - tx) * ns / sc; ty = my - (my - ty) * ns / sc; sc = ns; apply();
    }, { passive: false });
    svg.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, tx: tx, ty: ty }; });
    window.addEventListener("mousemove", function (ev) {
      if (!drag) return;
      var rb = svg.getBoundingClientRect();
      tx = drag.tx + (ev.clientX - drag.x) * w / rb.width; ty = drag.ty + (ev.clientY - drag.y) * h / rb.height; apply();
    });
    window.addEventListener("mouseup", function () { drag = null; });
    box.appendChild(svg); box.appendChild(tip);
    box.setAttribute("data-drawn", String(nodes.length));
  }

  fetch(box.getAttribute("data-api"), { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(draw)
    .catch(function (e) { var p = document.createElement("p"); p.textContent = (VI ? "Không tải được đồ thị: " : "Cannot load the graph: ") + e.message; box.appendChild(p); });
})();
