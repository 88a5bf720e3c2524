"""Shared by every suite: ``tests`` is on ``sys.path`` (pytest puts a rootdir conftest's folder
there), so the helpers of ``tests/support`` import as ``support``."""
