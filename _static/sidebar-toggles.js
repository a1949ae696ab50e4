// The buttons that open the site's table of contents and the page's on a phone did nothing.
// pydata-sphinx-theme 0.17 opens each sidebar from the first button of its class in the page
// (`.primary-toggle`, `.secondary-toggle`): that is now its own header's button, which
// sphinx-book-theme hides, and the button a reader sees, in the article's header, has no handler
// (pydata-sphinx-theme issue 2451, sphinx-book-theme issue 988). sphinx-book-theme's wide-screen
// handler, which folds the sidebar away, is on that same first button. A click on any other
// button of the class is passed to the first, so both themes' handlers do what they were written
// to do: the sidebar opens over the page on a phone, and folds away on a wide screen.
document.addEventListener("DOMContentLoaded", () => {
  for (const name of [".primary-toggle", ".secondary-toggle"]) {
    const [handled, ...others] = document.querySelectorAll(name);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        handled.click();
      });
    }
  }
});
