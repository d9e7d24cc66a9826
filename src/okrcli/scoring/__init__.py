"""Scores, forecasts, statuses and grades: pure numbers on the model, always for a given as-of day."""
