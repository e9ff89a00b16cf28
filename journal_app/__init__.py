"""journal_app: a desktop editor for a folder of front-matter markdown posts.

This module holds the version only and imports nothing from Qt.
"""

__version__ = "0.1.0"
