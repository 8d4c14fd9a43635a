"""JSON Schemas published with esgcheck (report output)."""
