// A double click submits a form once: a button marked data-once is disabled after the
// first submit. Loaded as a file so that public pages need no inline script (CSP).
document.addEventListener("submit", function (event) {
  var button = event.target.querySelector("[data-once]");
  if (!button) { return; }
  if (button.disabled) { event.preventDefault(); return; }
  button.disabled = true;
  button.textContent = button.dataset.onceText || "正在提交…";
});
