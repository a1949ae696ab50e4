"""An edition's words: the Edition value (language, reporting date, date built, the editions
published), the data's texts in its language, and how it writes numbers, dates, periods and
targets (60,5 % and 24/01/2022 in Vietnamese; 60.5% and 24 Jan 2022 in English).

Uses common/ only."""
