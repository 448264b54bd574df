"""Persistence: SQLAlchemy models, encrypted engines, key slots, migrations."""
