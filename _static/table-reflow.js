// Tables on a phone: a table of four or more columns wrapped to two or three words a line, and
// its last column ran off the screen. Under 577 px each row becomes a block whose cells carry
// their column's name (custom.css, "table.reflow"). The ARIA roles keep the table a table for a
// screen reader whatever the CSS displays.
document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll(".bd-article table")) {
    const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (heads.length < 4) continue;
    table.classList.add("reflow");
    table.setAttribute("role", "table");
    for (const group of table.querySelectorAll("thead, tbody")) group.setAttribute("role", "rowgroup");
    for (const row of table.querySelectorAll("tr")) {
      row.setAttribute("role", "row");
      [...row.children].forEach((cell, index) => {
        cell.setAttribute("role", cell.tagName === "TH" ? "columnheader" : "cell");
        if (cell.tagName === "TD" && heads[index]) cell.setAttribute("data-label", heads[index]);
        if (cell.tagName === "TD" && !cell.textContent.trim()) cell.classList.add("empty");
      });
    }
  }
});
