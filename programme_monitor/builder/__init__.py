"""Build the publication: plan the chapters, execute those whose inputs changed (cache), compile
each edition with Jupyter Book, publish the site in one rename, and report what was done.

Uses data/, site/ and common/; never pages/ (the notebooks are the bridge). Not named build/:
tools take a folder of that name for output and pass it over."""
