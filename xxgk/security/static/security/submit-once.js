// A double click submits a form once: a button marked data-once is disabled after the
// first submit. Loaded as a file so that public pages need no inline script (CSP).
document.addEventListener("submit", function (event) {
  var button = event.target.querySelector("[data-once]");
  if (!button) { return; }
  if (button.disabled) { event.preventDefault(); return; }
  button.disabled = true;
  // The label comes from the page (base.html renders it in the visitor's language).
  button.textContent = button.dataset.onceText || document.body.dataset.submittingText || "…";
});
