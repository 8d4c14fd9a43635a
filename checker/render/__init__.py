"""Output formats; each renders a CheckResult and imports only what it needs."""
