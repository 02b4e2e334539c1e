"""Helpers shared by test modules (a test module imports no other test module); the
fixtures they share are in conftest.py or beside the helpers they go with."""
