"""Take in the files data keepers send (the Excel template today), normalise what is safe to
normalise, refuse the rest by row and column, and add the rows to the data only when all is sound.

Uses data/."""
