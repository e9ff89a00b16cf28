"""The Qt window: it shows and edits what journal_app.core reads and writes."""
