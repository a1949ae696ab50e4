// The theme's controls in the page's own language, named by what they show.
//
// The theme (pydata-sphinx-theme) has no Vietnamese words for some controls: Vietnamese pages said
// "Skip to main content" and "Back to top", and Sphinx's own translation title-cases "Tìm Kiếm".
// This file once named the colour switch and the tables of contents in Vietnamese on every page,
// the English ones too. Each control is now named in the language of the page (<html lang>).
//
// The search field shows "Tìm kiếm Ctrl+K" but named itself "Tìm Kiếm", and the colour switch had
// icons titled "Light", "Dark": a screen-reader user who says what they see would not reach them
// (WCAG 2.5.3, label in name). Each control is named by what it shows; icons are decoration.
const WORDS = {
  vi: {
    skip: "Bỏ qua, đến nội dung chính",
    top: "Về đầu trang",
    search: "Tìm kiếm",
    colour: "Chế độ màu",
    toc: "Mục lục",
    pageToc: "Mục lục của trang",
    sections: "Các mục của trang",
    siteToc: "Mục lục ấn phẩm",
    previous: "Trang trước",
    next: "Trang sau",
  },
  en: {
    skip: "Skip to main content",
    top: "Back to top",
    search: "Search",
    colour: "Colour mode",
    toc: "Contents",
    pageToc: "Contents of this page",
    sections: "Sections of this page",
    siteToc: "Publication contents",
    previous: "Previous page",
    next: "Next page",
  },
};

// A control's name, and the words of its tooltip. The theme makes its Bootstrap tooltips before
// this runs, from the English title it had then ("Toggle primary sidebar", "Color mode" on a
// Vietnamese page); a changed title is not read again, so the tooltip is given the words too.
// (A title beside a Bootstrap tooltip would show the browser's own tooltip too.)
function nameControl(button, name) {
  button.setAttribute("aria-label", name);
  const tooltip = window.bootstrap && window.bootstrap.Tooltip.getInstance(button);
  if (tooltip) {
    button.removeAttribute("title");
    button.setAttribute("data-bs-title", name);
    button.setAttribute("data-bs-original-title", name);
    tooltip.setContent({ ".tooltip-inner": name });
  } else {
    button.setAttribute("title", name);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const lang = (document.documentElement.lang || "vi").slice(0, 2);
  const words = WORDS[lang] || WORDS.vi;
  for (const link of document.querySelectorAll("#pst-skip-link a")) link.textContent = words.skip;
  const top = document.getElementById("pst-back-to-top");
  if (top) {
    for (const node of [...top.childNodes]) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) node.textContent = words.top;
    }
  }
  for (const text of document.querySelectorAll(".search-button__default-text")) {
    text.textContent = words.search;
  }
  for (const button of document.querySelectorAll(".search-button__button")) {
    nameControl(button, words.search);
    const shown = button.textContent.replace(/\s+/g, " ").trim();
    button.setAttribute("aria-label", shown || words.search);  // the icon alone: "Tìm kiếm"
  }
  for (const button of document.querySelectorAll(".theme-switch-button")) {
    nameControl(button, words.colour);
    for (const icon of button.querySelectorAll("i, svg")) {
      icon.removeAttribute("title");
      icon.removeAttribute("aria-labelledby");
      icon.setAttribute("aria-hidden", "true");
      for (const title of icon.querySelectorAll("title")) title.remove();
    }
  }
  // Landmarks a screen reader announces, and the links at the foot of the page ("xem lại" in
  // Sphinx's Vietnamese, which the theme capitalised into "Xem Lại").
  // Each named apart: the page's contents take their name from their heading ("Contents").
  for (const nav of document.querySelectorAll("nav.bd-docs-nav")) {
    nav.setAttribute("aria-label", words.siteToc);
  }
  for (const nav of document.querySelectorAll('nav[aria-label="Page"]')) {
    nav.setAttribute("aria-label", words.sections);
  }
  for (const link of document.querySelectorAll(".prev-next-area a")) {
    const said = link.classList.contains("left-prev") ? words.previous : words.next;
    for (const subtitle of link.querySelectorAll(".prev-next-subtitle")) subtitle.textContent = said;
  }
  for (const button of document.querySelectorAll(".secondary-toggle, .primary-toggle")) {
    nameControl(button, button.classList.contains("secondary-toggle") ? words.pageToc : words.toc);
  }
});
