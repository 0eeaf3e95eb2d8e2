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
  function show(open) {
    header.classList.toggle("nav-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  // From here the button decides, not the address (site.css: .nav-ready); an address ending
  // in #site-nav still opens the navigation.
  header.classList.add("nav-ready");
  show(window.location.hash === "#site-nav");
  button.addEventListener("click", function () {
    show(!header.classList.contains("nav-open"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("nav-open")) {
      show(false);
      button.focus();
    }
  });
})();
