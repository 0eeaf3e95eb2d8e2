// Assigning a case: once a department is chosen, the handler list shows that department's
// handlers only. Without this script the whole list shows and the server checks the pair.
(function () {
  "use strict";

  function narrow(handlers, department) {
    var chosen = department.value;
    Array.prototype.forEach.call(handlers.options, function (option) {
      if (!option.value) {
        return;
      }
      var fits = !chosen || option.getAttribute("data-department") === chosen;
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) {
        handlers.value = "";
      }
    });
  }

  function setUp(handlers) {
    var form = handlers.form;
    var department = form && form.elements[handlers.getAttribute("data-handler-of")];
    if (!department || department.tagName !== "SELECT") {
      return;
    }
    department.addEventListener("change", function () {
      narrow(handlers, department);
    });
    narrow(handlers, department);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-handler-of]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
