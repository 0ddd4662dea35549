// The ego network: the same graph as the GEXF download, drawn by cytoscape.js.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("ego");
  var status = document.getElementById("ego-status");
  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
    .then(function (res) {
      if (!res.ok) { status.textContent = res.data.error || "could not load the network"; return; }
      var data = res.data;
      status.textContent = data.nodes.length + " actors, " + data.edges.length + " links (size: meetings; click an actor for its page)";
      var colours = { organization: "#3b6ea8", state: "#5a9a4b", person: "#c47a2c" };
      var cy = cytoscape({
        container: box,
        elements: data.nodes.concat(data.edges),
        style: [
          { selector: "node", style: {
            "label": "data(label)", "font-size": 8, "text-wrap": "ellipsis", "text-max-width": 110,
            "text-background-color": "#fff", "text-background-opacity": 0.7, "text-valign": "bottom",
            "background-color": function (n) { return colours[n.data("kind")] || "#777"; },
            "width": function (n) { return 12 + 4 * Math.sqrt(n.data("meetings") || 0); },
            "height": function (n) { return 12 + 4 * Math.sqrt(n.data("meetings") || 0); } } },
          { selector: "node[?centre]", style: { "border-width": 3, "border-color": "#b22", "font-weight": "bold" } },
          { selector: "edge", style: { "width": function (e) { return Math.min(8, 0.8 + Math.log2(e.data("weight") || 1)); },
                                       "line-color": "#bbb", "curve-style": "haystack" } },
        ],
        layout: { name: "cose", animate: false, nodeRepulsion: function () { return 400000; },
                  idealEdgeLength: function () { return 110; }, nodeOverlap: 40, componentSpacing: 120,
                  randomize: false, numIter: 2500 },
      });
      cy.on("tap", "node", function (evt) {
        window.location.href = "/actor?iri=" + encodeURIComponent(evt.target.id());
      });
    })
    .catch(function (err) { status.textContent = "could not load the network: " + err; });
});
