// Progressive enhancement for the "这条信息对您有帮助吗?" widget: post without reloading.
// Without JavaScript the form posts normally and the server redirects back to the page.
(function () {
  "use strict";
  document.querySelectorAll("[data-helpful-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var widget = form.closest("[data-helpful-widget]");
      var message = widget.querySelector(".helpful-message");
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) {
        data.append(event.submitter.name, event.submitter.value);
      }
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          message.textContent = result.message;
          if (typeof result.yes === "number") {
            widget.querySelector("[data-helpful-yes]").textContent = result.yes;
            widget.querySelector("[data-helpful-no]").textContent = result.no;
            form.hidden = true;
          } else {
            form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
          }
        })
        .catch(function () {
          message.textContent = "提交失败，请稍后重试。";
          form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
        });
    });
  });
})();
