// Search highlights on whole words only. Sphinx marks every place a query's word occurs, inside
// other words too: searching "do thi hoa" lit up "thi" in "thiểu". Each mark Sphinx adds (on a
// page opened from the results, and in the results' extracts as they appear) is undone when a
// letter or digit touches it on either side.
(() => {
  const inWord = /[\p{L}\p{N}]/u;
  const touchesWord = (mark) => {
    const before = mark.previousSibling, after = mark.nextSibling;
    const last = before && before.nodeType === Node.TEXT_NODE ? before.nodeValue.slice(-1) : "";
    const first = after && after.nodeType === Node.TEXT_NODE ? after.nodeValue.charAt(0) : "";
    return inWord.test(last) || inWord.test(first);
  };
  const unmarkPartWords = (root) => {
    root.querySelectorAll("span.highlighted").forEach((mark) => {
      if (!touchesWord(mark)) return;
      const parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    });
  };
  const watch = () => {
    unmarkPartWords(document.body);
    new MutationObserver((changes) => {
      for (const change of changes) {
        change.addedNodes.forEach((node) => {
          if (node.nodeType === Node.ELEMENT_NODE) unmarkPartWords(node.parentNode || node);
        });
      }
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
