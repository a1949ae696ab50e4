"""What each chapter shows: Markdown tables and text, charts, downloads, for the overview, target
groups, indicators, tasks, changes, figures wanted, sources, methodology and data pages. Page
builders return what they show and the files they produce; the notebooks (notebooks/) call them.

Uses assess/, intake/ (the keepers' template, offered pre-filled), data/, words/ and common/;
never site/ or builder/."""
