// Small helpers: copy buttons, and the autosave status while a request is in flight.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (source) {
    source.select();
    navigator.clipboard?.writeText(source.value);
    button.textContent = button.dataset.done || button.textContent;
  }
});
document.addEventListener("htmx:beforeRequest", (event) => {
  const target = document.getElementById(event.detail.target?.id || "");
  if (target && target.classList.contains("save-status")) {
    target.innerHTML = '<span class="muted">' + (document.body.dataset.saving || "…") + "</span>";
  }
});
