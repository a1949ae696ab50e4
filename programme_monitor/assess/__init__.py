"""Which observations count on the reporting date, and how far each target and task has come:
selection, the progress method (progress_method.yaml), target and task assessments.

Uses data/ and words/."""
