"""Read and check a programme's folder: the data contract (schemas/), the readers of each file,
the checks a schema cannot say, translations, official area codes, series across boundary
changes, and the Dataset every later phase works from. Also which chapters the programme gets.

Uses common/ and words/."""
