// Regression: see the module table in README.md.
