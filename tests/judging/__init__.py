"""Tests for the judging package."""
