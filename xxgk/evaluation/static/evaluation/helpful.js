// Progressive enhancement for the "这条信息对您有帮助吗?" widget: post without reloading, and
// remember in this browser that the reader voted (the page itself may be a cached copy shared
// by every reader, so it cannot say so). Without JavaScript the form posts normally and the
// server answers with a small page that links back.
(function () {
  "use strict";
  function storageKey(widget) {
    return "xxgk:helpful:" + widget.getAttribute("data-page-id");
  }
  function remember(widget) {
    try { window.localStorage.setItem(storageKey(widget), "1"); } catch (e) { /* private mode */ }
  }
  function remembered(widget) {
    try { return window.localStorage.getItem(storageKey(widget)) === "1"; } catch (e) { return false; }
  }
  document.querySelectorAll("[data-helpful-widget]").forEach(function (widget) {
    var form = widget.querySelector("[data-helpful-form]");
    var message = widget.querySelector(".helpful-message");
    var buttons = form.querySelectorAll("button");
    function enable(on) {
      buttons.forEach(function (b) { b.disabled = !on; });
    }
    if (remembered(widget)) {
      form.hidden = true;
      message.textContent = widget.getAttribute("data-voted-message");
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) {
        data.append(event.submitter.name, event.submitter.value);
      }
      enable(false);
      fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (result) { return [response.status, result]; });
        })
        .then(function (answer) {
          var status = answer[0], result = answer[1];
          message.textContent = result.message;
          if (status === 200 || status === 409) {
            remember(widget);
            form.hidden = true;
          } else {
            enable(true);
          }
          if (typeof result.yes === "number") {
            widget.querySelector("[data-helpful-yes]").textContent = result.yes;
            widget.querySelector("[data-helpful-no]").textContent = result.no;
          }
        })
        .catch(function () {
          message.textContent = widget.getAttribute("data-failed-message");
          enable(true);
        });
    });
  });
})();
