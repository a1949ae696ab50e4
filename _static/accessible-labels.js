// The theme's search field shows "Tìm Kiếm Ctrl+K" but names itself "Tìm Kiếm", and its colour
// switch is named in English with icons titled "Light", "Dark": a screen-reader user who says
// what they see ("Tìm Kiếm Ctrl K") would not reach them (WCAG 2.5.3, label in name). Name each
// control by what it shows; the switch's icons are decoration beside its name.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll(".search-button__button")) {
    const shown = button.textContent.replace(/\s+/g, " ").trim();
    if (shown) button.setAttribute("aria-label", shown);
  }
  for (const button of document.querySelectorAll(".theme-switch-button")) {
    button.setAttribute("aria-label", "Chế độ màu");
    button.setAttribute("data-bs-title", "Chế độ màu");
    for (const icon of button.querySelectorAll("i, svg")) {
      icon.removeAttribute("title");
      icon.removeAttribute("aria-labelledby");
      icon.setAttribute("aria-hidden", "true");
      for (const title of icon.querySelectorAll("title")) title.remove();
    }
  }
  for (const button of document.querySelectorAll(".secondary-toggle, .primary-toggle")) {
    const name = button.classList.contains("secondary-toggle") ? "Mục lục của trang" : "Mục lục";
    button.setAttribute("title", name);
    button.setAttribute("aria-label", name);
  }
});
