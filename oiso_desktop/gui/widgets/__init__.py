"""Small reusable widgets of the working views (date entry, field messages, dialogs)."""
