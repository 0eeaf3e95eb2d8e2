// Narrow screens fold the main navigation behind the header's menu link (base.html). Without
// this script the link jumps to #site-nav and CSS shows the navigation (:target); with it the
// link becomes a real button that opens and closes the navigation and says so (aria-expanded).
(function () {
  var link = document.querySelector(".site-header .nav-toggle");
  var header = document.querySelector(".site-header");
  if (!link || !header) { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.innerHTML = link.innerHTML;
  button.setAttribute("aria-controls", "site-nav");
  button.setAttribute("aria-expanded", "false");
  link.replaceWith(button);
  button.addEventListener("click", function () {
    var open = header.classList.toggle("nav-open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("nav-open")) {
      header.classList.remove("nav-open");
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });
})();
