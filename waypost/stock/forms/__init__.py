"""The stock pages' forms: they parse what a person typed; the services decide what is allowed."""
