// The SPARQL editor: YASGUI on this server's /sparql. Autocompletion that would ask
// outside services (LOV for classes and properties) is switched off.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("yasgui");
  var endpoint = new URL(el.dataset.endpoint, window.location.href).toString();
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.value = [
    "# The server predeclares tipgraph's prefixes; the editor checks only those written here.",
    "PREFIX tip: <https://w3id.org/tipgraph/ontology#>",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
    "SELECT ?meeting ?label ?date WHERE {",
    "  ?meeting a tip:Meeting ; rdfs:label ?label .",
    "  OPTIONAL { ?meeting tip:date ?date }",
    "}",
    "ORDER BY DESC(?date)",
    "LIMIT 20",
  ].join("\n");
  window.yasgui = new Yasgui(el, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "tipgraph-editor",
  });
});
