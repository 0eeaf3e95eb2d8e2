/* Fill in the current view count of a page that may come from a cache.
 * data-view-mode="count": this copy came from the edge cache, so this request counts the view;
 * "read": the server has counted it already, only the current number is fetched.
 * Without JavaScript the number rendered into the page is shown. */
(function () {
  "use strict";
  var nodes = document.querySelectorAll("[data-view-url]");
  Array.prototype.forEach.call(nodes, function (node) {
    var method = node.getAttribute("data-view-mode") === "count" ? "POST" : "GET";
    fetch(node.getAttribute("data-view-url"), {
      method: method,
      credentials: "omit",
      cache: "no-store",
      headers: { Accept: "application/json" }
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && typeof data.views === "number") {
          node.textContent = String(data.views);
          node.setAttribute("data-view-fresh", "1");
        }
      })
      .catch(function () { /* keep the rendered number */ });
  });
})();
