"""Framework catalogs shipped with esgcheck (YAML data, validated by catalog.schema.json)."""
