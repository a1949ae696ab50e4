// Search that puts the page you mean first. Sphinx scores a page by its best single word, so for
// "do thi hoa" every page with "đô thị" in its title tied, and the urbanisation rate came 12th.
// A page whose title holds the whole query (with or without its marks) now comes first, then one
// whose title holds every word of it; Sphinx's own scores order the rest. Sphinx's search page
// uses this Scorer when it is defined (searchtools.js).
var Scorer = {
  score: (result) => {
    const fold = (text) =>
      (text || "")
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d")
        .replace(/Đ/g, "D")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, " ")
        .trim();
    const [, title, , , score] = result;
    const query = fold(new URLSearchParams(window.location.search).get("q"));
    const words = query.split(" ").filter(Boolean);
    const heading = ` ${fold(title)} `;
    if (!words.length) return score;
    if (heading.includes(` ${query} `)) return score + 40;
    if (words.every((word) => heading.includes(` ${word} `))) return score + 20;
    return score;
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
