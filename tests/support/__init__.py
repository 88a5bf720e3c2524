"""Helpers shared by the test suites: waiting on the app's state rather than on the clock."""
